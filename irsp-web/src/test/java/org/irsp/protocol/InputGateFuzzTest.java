package org.irsp.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.irsp.codes.IrspException;
import org.irsp.codes.JsonInput;
import org.irsp.codes.RetCode;
import org.irsp.messaging.entity.PushRequest;

/**
 * The one input gate ({@link JsonInput}) and the JMS push reader behind it, under arbitrary text: each
 * returns a value or throws {@link IrspException} (400, 413, 505 for a push), and what passes the gate
 * can be written out again.
 */
class InputGateFuzzTest {

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        boolean push = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        try {
            if (push) {
                PushRequest p = PushRequest.parse(text, new PushRequest.Limits(604800, 2592000, 4096));
                for (var target : p.targets()) {
                    Encodable.require(PushFrames.encode(p.to(target).withDeliveryId("d-x"), null, null));
                }
            } else {
                Encodable.require(JsonInput.read(text, 4096).toString());
            }
        } catch (IrspException refused) {
            RetCode code = refused.retCode();
            if (code != RetCode.BAD_REQUEST && code != RetCode.TOO_LARGE && code != RetCode.VERSION) {
                throw new AssertionError("unexpected refusal " + code, refused);
            }
            Encodable.require(refused.getMessage() + refused.detailsJson());
        }
    }

    @FuzzTest
    void readsOrRefusesEveryText(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }
}
