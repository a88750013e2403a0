package org.irsp.it;

import static org.irsp.it.Fixtures.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PROTOCOL §10.4 and §7.6 step 4: releasing a relationship purges, without notice, the messages its two
 * parties stored for each other (both directions); deleting an account purges those it sent. Nothing else
 * leaves the queues: notifications and other senders' items stay.
 */
@ExtendWith(IrspServer.class)
class OfflinePurgeIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CODE = "PQRS6789";

    @Test
    void releasingARelationshipPurgesWhatEitherPartyStoredForTheOtherAndNothingElse() {
        String device = RelationshipIT.deviceWithCode(CODE);
        String alice = Fixtures.newUser();
        String relationshipId;
        try (Party a = Party.user(alice)) {
            relationshipId = a.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address("device", device), CODE))
                    .getJsonObject("body").getString("relationshipId");
            store(a.ws, address("device", device), "for the device 1");
            store(a.ws, address("device", device), "for the device 2");
        }
        assertEquals(202, EnterprisePushIT.resultCode(EnterprisePushIT.push(
                EnterprisePushIT.pushTo("device", device, "offline", "keep-" + UUID.randomUUID(), "from the enterprise")), 0));
        try (IrspSocket d = bind("device", device, "secret", Fixtures.SECRET)) {
            store(d, address("user", alice), "for alice");
        }
        try (IrspSocket a = bind("user", alice, "password", Fixtures.PASSWORD)) {
            assertEquals(200, a.request("RelationshipReleaseRequest", Json.createObjectBuilder().add("relationshipId", relationshipId).build(), WAIT)
                    .getInt("retCode"));
        }
        assertEquals(List.of("RelationshipEstablishedNotify", "ServerPushNotify from the enterprise", "RelationshipReleasedNotify"),
                queueOf("device", device, "secret", Fixtures.SECRET));
        assertEquals(List.of(), queueOf("user", alice, "password", Fixtures.PASSWORD));
    }

    @Test
    void deletingAnAccountPurgesTheMessagesItSent() {
        String device = RelationshipIT.deviceWithCode(CODE);
        String alice = Fixtures.newUser();
        try (Party a = Party.user(alice)) {
            a.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address("device", device), CODE));
            store(a.ws, address("device", device), "from alice");
        }
        IrspRest.Session session = Fixtures.rest().login("user", alice, "password", Fixtures.PASSWORD);
        assertEquals(200, Fixtures.rest().call("DELETE", "users/" + alice, null, session.token()).retCode());
        assertEquals(List.of("RelationshipEstablishedNotify", "RelationshipReleasedNotify"),
                queueOf("device", device, "secret", Fixtures.SECRET));
    }

    private static void store(IrspSocket from, JsonObject target, String text) {
        JsonObject ack = Fixtures.sendOffline(from, target, text);
        assertEquals(202, ack.getInt("retCode"), ack.toString());
    }

    /** Binds without acking anything, so that what it is sent stays queued. */
    private static IrspSocket bind(String type, String id, String field, String credential) {
        IrspRest.Session s = Fixtures.rest().login(type, id, field, credential);
        IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token());
        assertEquals(200, ws.bind(s.connId()).getInt("retCode"));
        return ws;
    }

    /** The entity's offline queue as delivered at a bind: notification types, and messages by their text. */
    private static List<String> queueOf(String type, String id, String field, String credential) {
        List<String> items = new ArrayList<>();
        IrspRest.Session s = Fixtures.rest().login(type, id, field, credential);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            int count = ws.bind(s.connId()).getJsonObject("body").getInt("offlineItems");
            for (int i = 0; i < count; i++) {
                JsonObject item = ws.next(WAIT);
                while (item != null && List.of("StatusChangeNotify", "HeartbeatAck").contains(item.getString("type"))) {
                    item = ws.next(WAIT);
                }
                assertNotNull(item, "item " + i + " of " + count);
                items.add(item.getString("type").equals("OfflineMessageDelivery")
                        ? describe(item.getJsonObject("body").getJsonObject("message")) : item.getString("type"));
            }
        }
        return items;
    }

    private static String describe(JsonObject message) {
        return message.getString("type") + " " + message.getJsonObject("body").getString("text");
    }

}
