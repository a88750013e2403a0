package org.irsp.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.irsp.messaging.control.DuplicateWindow.Outcome;
import org.irsp.push.entity.P2PAnswer;
import org.junit.jupiter.api.Test;

class OutcomeTextTest {

    @Test
    void aPendingClaimIsTheEmptyText() {
        Outcome pending = OutcomeText.read("");
        assertTrue(pending.pending());
    }

    @Test
    void aSettledOutcomeComesBackWithItsJsonBodyOrNone() {
        JsonObject body = Json.createObjectBuilder().add("deliveryId", "d-1").add("text", "line\nbreak").build();
        Outcome withBody = OutcomeText.read(OutcomeText.write("Ack", 200, body, 1234L));
        assertEquals(new Outcome("Ack", 200, body, 1234L), withBody);
        Outcome bare = OutcomeText.read(OutcomeText.write("MultiAck", 207, null, 5L));
        assertEquals("MultiAck", bare.type());
        assertEquals(207, bare.retCode());
        assertNull(bare.body());
    }

    @Test
    void aP2PAnswerTravelsAsItsTypedValue() {
        P2PAnswer answer = new P2PAnswer("m-1", 480, "peer gone", null, false, List.of(), null);
        Outcome read = OutcomeText.read(OutcomeText.write("P2PConnectResponse", 480, answer, 9L));
        assertEquals(answer, read.body());
    }
}
