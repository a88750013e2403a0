package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §11.5: messages stored for an offline device keep their order across a restart of server and broker. */
@ExtendWith(IrspServer.class)
class MessageDurabilityIT {

    @Test
    void storedMessagesSurviveARestartInOrder() throws Exception {
        String deviceId = RelationshipIT.deviceWithCode("NPQR3456");
        String aliceId = Fixtures.newUser();
        try (Party alice = Party.user(aliceId)) {
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device",
                    Json.createObjectBuilder().add("type", "device").add("id", deviceId).build(), "NPQR3456"));
            for (int seq = 0; seq < 3; seq++) {
                alice.ws.sendRaw(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", "fifo-" + seq + "-" + UUID.randomUUID())
                        .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "device").add("id", deviceId)))
                        .add("delivery", "offline").add("body", Json.createObjectBuilder().add("op", "event").add("seq", seq)).build().toString());
                JsonObject stored = alice.ws.next("Ack", Duration.ofSeconds(10));
                while (stored != null && stored.getInt("retCode") != 202) {
                    stored = alice.ws.next("Ack", Duration.ofSeconds(10));
                }
                assertEquals(202, stored.getInt("retCode"));
            }
        }
        IrspServer.restart();
        try (Party device = Party.device(deviceId)) {
            // the claim's RelationshipEstablishedNotify waited for the device too, ahead of the messages
            assertEquals(4, device.bindReply.getJsonObject("body").getInt("offlineItems"));
            assertEquals("verificationCode", device.next("RelationshipEstablishedNotify").getJsonObject("body").getString("via"));
            for (int seq = 0; seq < 3; seq++) {
                JsonObject item = device.next("OfflineMessageDelivery");
                assertEquals(seq, item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getInt("seq"));
            }
        }
    }
}
