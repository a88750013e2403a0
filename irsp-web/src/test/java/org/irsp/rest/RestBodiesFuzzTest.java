package org.irsp.rest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.RelationshipJson;
import org.irsp.protocol.RightsJson;

/**
 * Every REST body reader under arbitrary bodies: each returns its typed value or a 400 (or 421–424 where
 * a syntax is checked) naming a field, and nothing else escapes it.
 */
class RestBodiesFuzzTest {

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        int reader = data.consumeInt(0, 11);
        String body = data.consumeRemainingAsString();
        try {
            JsonFields f = JsonFields.parse(body);
            switch (reader) {
                case 0 -> RestBodies.userRegistration(f);
                case 1 -> RestBodies.deviceRegistration(f);
                case 2 -> RestBodies.userPatch(f);
                case 3 -> RestBodies.devicePatch(f);
                case 4 -> RestBodies.credentialChange(f, "oldPassword", "newPassword");
                case 5 -> RestBodies.codeChange(f);
                case 6 -> RestBodies.login(f);
                case 7 -> RestBodies.challenge(f);
                case 8 -> RelationshipJson.answer(f, RestBodies.accepts(f));
                case 9 -> RightsJson.config(f);
                default -> RelationshipJson.establish(f);
            }
        } catch (IrspException refused) {
            if (refused.retCode() != RetCode.BAD_REQUEST && refused.retCode().httpStatus() != 422) {
                throw new AssertionError("unexpected refusal " + refused.retCode(), refused);
            }
            if (refused.retCode() == RetCode.BAD_REQUEST && !refused.details().containsKey("field")) {
                throw new AssertionError("a 400 must name its field: " + refused.getMessage());
            }
        }
    }

    @FuzzTest
    void readsOrRefusesEveryBody(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }
}
