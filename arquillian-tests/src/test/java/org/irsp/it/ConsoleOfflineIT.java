package org.irsp.it;

import static org.irsp.it.AdminConsoleIT.json;
import static org.irsp.it.AdminConsoleIT.loggedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.irsp.client.IrspRest.Session;
import org.irsp.client.IrspSocket;
import org.irsp.it.AdminConsoleIT.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's stored items over real HTTP: an offline queue looked at, read with a reason and purged; the dead letters. */
@ExtendWith(IrspServer.class)
class ConsoleOfflineIT {

    @Test
    void anAdministratorSeesAQueuesItemsReadsThemWithAReasonAndPurgesThemGivingTheRoomBack() throws Exception {
        Console admin = loggedIn();
        String deviceId = RelationshipIT.deviceWithCode("HKMQ2345");
        String path = ConsoleAccountsIT.path("device", deviceId) + "/offline";
        String alice = Fixtures.newUser();
        try (Party a = Party.user(alice)) {
            a.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", Fixtures.address("device", deviceId), "HKMQ2345"));
            for (String text : List.of("one", "two")) {
                assertEquals(202, Fixtures.sendOffline(a.ws, Fixtures.address("device", deviceId), text).getInt("retCode"));
            }

            JsonObject look = json(admin.get(path));
            assertEquals(3, look.getInt("depth"), "the claim's notification and two messages");
            List<JsonObject> items = look.getJsonArray("items").getValuesAs(JsonObject.class);
            assertEquals(List.of("notification", "message", "message"), items.stream().map(i -> i.getString("kind")).toList());
            assertEquals("user:" + alice, items.get(1).getString("sender"));
            assertTrue(items.stream().allMatch(i -> !i.containsKey("frame") && i.getInt("sizeBytes") >= 0), "no text without asking");

            HttpResponse<String> noReason = admin.post(path + "/read");
            assertEquals(400, noReason.statusCode());
            assertEquals("reason", json(noReason).getJsonObject("details").getString("field"));
            List<JsonObject> read = json(admin.act(path + "/read", "customer reports missing commands")).getJsonArray("items")
                    .getValuesAs(JsonObject.class);
            assertTrue(read.get(1).getString("frame").contains("\"one\"") && read.get(2).getString("frame").contains("\"two\""), read.toString());
            assertTrue(AdminConsoleIT.auditContains("admin.readOffline", "reason: customer reports missing commands"));

            assertEquals(400, admin.post(path + "/purge").statusCode(), "a purge needs a reason");
            assertEquals(3, json(admin.get(path)).getInt("depth"), "the refused purge changed nothing");
            assertEquals(3, json(admin.act(path + "/purge", "device replaced")).getInt("purged"));
            assertEquals(0, json(admin.get(path)).getInt("depth"));
            // the test server's quota is 5 messages: all the room is back
            for (int i = 0; i < 5; i++) {
                assertEquals(202, Fixtures.sendOffline(a.ws, Fixtures.address("device", deviceId), "again " + i).getInt("retCode"), "message " + i);
            }
        }
        try (Party device = Party.device(deviceId)) {
            assertEquals(5, device.bindReply.getJsonObject("body").getInt("offlineItems"), "only what was stored after the purge");
        }
        assertTrue(AdminConsoleIT.auditContains("admin.purgeOffline", "items=3 reason: device replaced"));
    }

    @Test
    void theDeadLettersAreListedWithWhyAndForWhomAndPurgedWithAReason() throws Exception {
        Console admin = loggedIn();
        String device = Fixtures.newDevice();
        String badId = "d-bad" + UUID.randomUUID().toString().replace("-", "");
        try (var factory = new ActiveMQConnectionFactory(IrspServer.brokerUrl()); JMSContext jms = factory.createContext()) {
            // an item put into the queue behind IRSP's back, which it cannot deliver: the bind moves it to irsp.dead
            TextMessage bad = jms.createTextMessage("{\"type\":\"OfflineMessageDelivery\",\"msgId\":\"" + badId
                    + "\",\"body\":{\"message\":{\"text\":\"\ud800\"}}}");
            bad.setStringProperty("irspDeliveryId", badId);
            bad.setStringProperty("irspKind", "MESSAGE");
            bad.setStringProperty("irspRecipient", "device:" + device);
            bad.setIntProperty("irspSize", 80);
            bad.setLongProperty("irspStoredAt", System.currentTimeMillis());
            bad.setLongProperty("irspTtlSeconds", 3600);
            jms.createProducer().send(jms.createQueue("irsp.offline.device." + device.substring(device.lastIndexOf(':') + 1)), bad);
        }
        Session s = Fixtures.rest().login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.bind(s.connId());
        }
        JsonObject dead = json(admin.get("/irsp/admin/api/dead-letters?limit=200"));
        assertTrue(dead.getInt("depth") >= 1, dead.toString());
        JsonObject item = dead.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> badId.equals(i.getString("deliveryId", ""))).findFirst().orElseThrow(() -> new AssertionError(dead));
        assertEquals("device:" + device, item.getString("recipient"));
        assertFalse(item.getString("deadReason").isBlank());
        assertFalse(item.containsKey("frame"));

        assertEquals(400, admin.post("/irsp/admin/api/dead-letters/purge").statusCode(), "a purge needs a reason");
        assertTrue(json(admin.act("/irsp/admin/api/dead-letters/purge", "looked at, not recoverable")).getInt("purged") >= 1);
        assertEquals(0, json(admin.get("/irsp/admin/api/dead-letters")).getInt("depth"));
        assertTrue(AdminConsoleIT.auditContains("admin.purgeDead", "reason: looked at, not recoverable"));
        assertEquals(Json.createArrayBuilder().build(), json(admin.get("/irsp/admin/api/dead-letters")).getJsonArray("items"));
    }
}
