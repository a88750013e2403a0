package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.irsp.client.IrspRest.Session;
import org.irsp.client.IrspSocket;
import org.irsp.client.RestReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile client sends, over WebSocket, REST and JMS: each bad input gets its RetCode and a JSON
 * error naming the field, changes nothing, and leaves the connection serving. Frames are written by hand
 * ({@link RawWebSocket}) where the SDK would never send them (lone surrogates, one huge unfragmented frame).
 */
@ExtendWith(IrspServer.class)
class HostileInputIT {

    private static final String LONE = "\\ud800";

    /** A bound raw socket of a new user; the bind reply is read. */
    private static RawWebSocket boundRaw() throws Exception {
        Session s = Fixtures.rest().login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD);
        RawWebSocket ws = new RawWebSocket(IrspServer.uri(), s.token());
        ws.sendText("{\"type\":\"ConnectionIdBindRequest\",\"msgId\":\"b1\",\"body\":{\"connId\":\"" + s.connId() + "\"}}");
        assertEquals(200, json(ws.nextText()).getInt("retCode"));
        return ws;
    }

    private static JsonObject json(String text) {
        assertNotNull(text, "no text frame");
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void assertStillServes(RawWebSocket ws) throws Exception {
        ws.sendText("{\"type\":\"Heartbeat\",\"msgId\":\"alive-" + UUID.randomUUID() + "\"}");
        JsonObject ack = json(ws.nextText());
        assertEquals("HeartbeatAck", ack.getString("type"), ack.toString());
        assertEquals(200, ack.getInt("retCode"));
    }

    @Test
    void aLoneSurrogateIsRefusedNamingItsFieldAndTheConnectionGoesOn() throws Exception {
        String friend = Fixtures.newUser();
        try (RawWebSocket ws = boundRaw()) {
            ws.sendText("{\"type\":\"DataMessage\",\"msgId\":\"m1\",\"targets\":[{\"type\":\"user\",\"id\":\"" + friend
                    + "\"}],\"delivery\":\"offline\",\"body\":{\"text\":\"hi " + LONE + "\"}}");
            JsonObject ack = json(ws.nextText());
            assertEquals(400, ack.getInt("retCode"), ack.toString());
            assertEquals("m1", ack.getString("respTo"));
            assertEquals("body.text", ack.getJsonObject("details").getString("field"));
            ws.sendText("{\"type\":\"Heartbeat\",\"msgId\":\"h" + LONE + "\"}");
            assertEquals("msgId", json(ws.nextText()).getJsonObject("details").getString("field"));
            ws.sendText("{\"type\":\"Heartbeat\",\"msgId\":\"h2\",\"body\":{\"a\":[1,{\"" + LONE + "\":2}]}}");
            assertEquals("body.a[1].\uFFFD", json(ws.nextText()).getJsonObject("details").getString("field"));
            assertStillServes(ws);
        }
        try (Party f = Party.user(friend)) {
            assertEquals(0, f.bindReply.getJsonObject("body").getInt("offlineItems"), "nothing was stored");
        }
    }

    /** Each bad frame: its text, the RetCode of the Ack or reply, the field named (null: none expected). */
    @Test
    void badFramesGetTheirRetCodeNamingTheFieldAndChangeNothing() throws Exception {
        String stranger = Fixtures.newUser();
        String[][] matrix = {
                {"not json", "400", "$"},
                {"[1,2]", "400", "$"},
                {"{\"type\":\"Heartbeat\",\"msgId\":\"a\"} trailing", "400", "$"},
                {"{\"v\":\"2.0\",\"type\":\"Heartbeat\",\"msgId\":\"v2\"}", "505", null},
                {"{\"type\":\"Heartbeat\"}", "400", "msgId"},
                {"{\"type\":\"Heartbeat\",\"msgId\":\"" + "m".repeat(65) + "\"}", "400", "msgId"},
                {"{\"type\":7,\"msgId\":\"t7\"}", "400", "type"},
                {"{\"type\":\"HeartbeatAck\",\"msgId\":\"irsp-only\"}", "400", "type"},
                {"{\"type\":\"PresenceSetRequest\",\"msgId\":\"p1\",\"body\":{\"presence\":5}}", "400", "body.presence"},
                {"{\"type\":\"PresenceSetRequest\",\"msgId\":\"p2\",\"body\":{\"presence\":\"asleep\"}}", "400", "body.presence"},
                {"{\"type\":\"PresenceSetRequest\",\"msgId\":\"p3\",\"targets\":[{\"type\":\"user\",\"id\":\"x\"}],\"body\":{\"presence\":\"away\"}}", "400", "targets"},
                {"{\"type\":\"DataMessage\",\"msgId\":\"d1\",\"body\":{}}", "400", "targets"},
                {"{\"type\":\"DataMessage\",\"msgId\":\"d2\",\"targets\":[{\"type\":\"user\",\"id\":\"" + stranger
                        + "\"}],\"delivery\":\"offline\",\"ttl\":0,\"body\":{}}", "400", "ttl"},
                {"{\"type\":\"DataMessage\",\"msgId\":\"d3\",\"targets\":[{\"type\":\"user\",\"id\":\"" + stranger
                        + "\"}],\"delivery\":\"later\",\"body\":{}}", "400", "delivery"},
                {"{\"type\":\"DataMessage\",\"msgId\":\"d4\",\"targets\":[{\"type\":\"planet\",\"id\":\"x\"}],\"body\":{}}", "400", "targets[0].type"},
                {"{\"type\":\"StatusQueryRequest\",\"msgId\":\"s1\",\"body\":{\"ids\":[]}}", "400", "body.ids"},
                {"{\"type\":\"RelationshipEstablishRequest\",\"msgId\":\"r1\",\"body\":{\"kind\":\"enemies\"}}", "400", "body.kind"},
        };
        try (RawWebSocket ws = boundRaw()) {
            for (String[] row : matrix) {
                ws.sendText(row[0]);
                JsonObject reply = json(ws.nextText());
                assertEquals(Integer.parseInt(row[1]), reply.getInt("retCode"), row[0] + " -> " + reply);
                assertTrue(reply.containsKey("reason") && reply.containsKey("details"), reply.toString());
                if (row[2] != null) {
                    assertEquals(row[2], reply.getJsonObject("details").getString("field"), row[0] + " -> " + reply);
                }
            }
            assertStillServes(ws);
        }
        try (Party s = Party.user(stranger)) {
            assertEquals(0, s.bindReply.getJsonObject("body").getInt("offlineItems"), "no refused message was stored");
        }
    }

    @Test
    void nestingBeyondTheLimitIsA400OnTheWholeFrame() throws Exception {
        try (RawWebSocket ws = boundRaw()) {
            String deep = "[".repeat(65) + "]".repeat(65);
            ws.sendText("{\"type\":\"Heartbeat\",\"msgId\":\"deep\",\"body\":{\"x\":" + deep + "}}");
            JsonObject ack = json(ws.nextText());
            assertEquals(400, ack.getInt("retCode"));
            assertEquals("$", ack.getJsonObject("details").getString("field"));
            assertFalse(ack.containsKey("respTo"));
            ws.sendText("[".repeat(100_000));
            assertEquals(413, json(ws.nextText()).getInt("retCode"));
            assertStillServes(ws);
        }
    }

    @Test
    void oneUnfragmentedFrameOverOneMebibyteClosesWith1009AndNoReply() throws Exception {
        try (RawWebSocket ws = boundRaw()) {
            ws.sendText("{\"type\":\"Heartbeat\",\"msgId\":\"huge\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}");
            RawWebSocket.Frame f = ws.next();
            assertNotNull(f, "the server must close with 1009");
            assertEquals(8, f.opcode(), "a close frame, not a reply: " + (f.opcode() == 1 ? f.text() : f.opcode()));
            assertEquals(1009, f.closeCode());
        }
    }

    @Test
    void aFrameOverTheSoftLimitIsA413ThatNamesItsMsgId() throws Exception {
        try (RawWebSocket ws = boundRaw()) {
            ws.sendText("{\"type\":\"Heartbeat\",\"msgId\":\"big\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            JsonObject ack = json(ws.nextText());
            assertEquals(413, ack.getInt("retCode"));
            assertEquals("big", ack.getString("respTo"));
            assertStillServes(ws);
        }
    }

    @Test
    void restRefusesBadBodiesWithTheContractsErrorAndRegistersNothing() throws Exception {
        String id = "hostile" + System.nanoTime() % 1_000_000_000L;
        String good = "{\"userId\":\"" + id + "\",\"password\":\"" + Fixtures.PASSWORD + "\"";
        assertRefused(post("users", good + ",\"nickname\":\"a" + LONE + "\"}", "application/json"), 400, "nickname");
        assertRefused(post("users", "[".repeat(1001) + "]".repeat(1001), "application/json"), 400, "$");
        assertRefused(post("users", "{\"a\":" + "[".repeat(65) + "]".repeat(65) + "}", "application/json"), 400, "$");
        assertRefused(post("users", "[".repeat(100_000), "application/json"), 413, null);
        assertRefused(post("users", good + "}", "application/json; charset=ebcdic"), 400, "Content-Type");
        assertRefused(post("users", good + "}", "application/json; charset=ISO-8859-1"), 400, "Content-Type");
        assertRefused(post("users", good + "}", ";;;"), 400, null);
        byte[] notUtf8 = (good + ",\"nickname\":\"x\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 3] = (byte) 0xFF; // the x
        assertRefused(send("POST", "users", HttpRequest.BodyPublishers.ofByteArray(notUtf8), "application/json"), 400, "$");
        assertRefused(post("users", "{\"userId\":", "application/json"), 400, "$");
        assertRefused(post("users", "{\"userId\":7,\"password\":\"x\"}", "application/json"), 400, "userId");
        assertEquals(200, Fixtures.rest().post("users", Json.createReader(new StringReader(good + "}")).readObject()).retCode(),
                "none of the refused requests registered " + id);
    }

    @Test
    void containerLevelErrorsCarryTheJsonErrorBody() throws Exception {
        assertRefused(send("GET", "../nowhere", HttpRequest.BodyPublishers.noBody(), null), 404, null);
        assertRefused(send("GET", "nowhere", HttpRequest.BodyPublishers.noBody(), null), 404, null);
        assertRefused(send("PUT", "users", HttpRequest.BodyPublishers.ofString("{}"), "application/json"), 405, null);
        assertRefused(send("DELETE", "../../admin-login", HttpRequest.BodyPublishers.noBody(), null), 405, null);
    }

    @Test
    void oneTokenUsedByManyRequestsAtOnceIsServedEveryTime() {
        String user = Fixtures.newUser();
        Session s = Fixtures.rest().login("user", user, "password", Fixtures.PASSWORD);
        List<CompletableFuture<RestReply>> calls = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 12; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> Fixtures.rest().call("GET", "users/" + user, null, s.token())));
            }
            calls.forEach(c -> assertEquals(200, c.join().retCode()));
            calls.clear();
        }
    }

    @Test
    void aPushWithALoneSurrogateIsAnswered400AndConsumed() {
        String device = Fixtures.newDevice();
        String push = EnterprisePushIT.pushTo("device", device, "offline", "p-" + UUID.randomUUID(), "x").replace("\"x\"", "\"" + LONE + "\"");
        JsonObject reply = EnterprisePushIT.push(push);
        assertEquals(400, reply.getInt("retCode"), reply.toString());
        Session s = Fixtures.rest().login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            assertEquals(0, ws.bind(s.connId()).getJsonObject("body").getInt("offlineItems"));
        }
    }

    /** An item stored before input was checked (put into the queue behind IRSP's back) is moved aside; the rest arrive. */
    @Test
    void anUndeliverableStoredItemIsDeadLetteredAndTheItemsBehindItAreDelivered() throws Exception {
        String device = Fixtures.newDevice();
        assertEquals(202, EnterprisePushIT.resultCode(EnterprisePushIT.push(
                EnterprisePushIT.pushTo("device", device, "offline", "first-" + UUID.randomUUID(), "one")), 0));
        String badId = "d-bad" + UUID.randomUUID().toString().replace("-", "");
        try (var factory = new ActiveMQConnectionFactory(IrspServer.brokerUrl()); JMSContext jms = factory.createContext()) {
            Queue queue = jms.createQueue("irsp.offline.device." + device.substring(device.lastIndexOf(':') + 1));
            TextMessage bad = jms.createTextMessage("{\"type\":\"OfflineMessageDelivery\",\"msgId\":\"" + badId
                    + "\",\"body\":{\"message\":{\"text\":\"\ud800\"}}}");
            bad.setStringProperty("irspDeliveryId", badId);
            bad.setStringProperty("irspKind", "MESSAGE");
            bad.setIntProperty("irspSize", 80);
            bad.setLongProperty("irspStoredAt", System.currentTimeMillis());
            bad.setLongProperty("irspTtlSeconds", 3600);
            jms.createProducer().send(queue, bad);
        }
        assertEquals(202, EnterprisePushIT.resultCode(EnterprisePushIT.push(
                EnterprisePushIT.pushTo("device", device, "offline", "second-" + UUID.randomUUID(), "two")), 0));
        Session s = Fixtures.rest().login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.autoAck(true);
            assertEquals(2, ws.bind(s.connId()).getJsonObject("body").getInt("offlineItems"));
            for (String text : List.of("one", "two")) {
                JsonObject delivered = ws.next("OfflineMessageDelivery", Party.WAIT);
                assertNotNull(delivered, "the items behind the bad one arrive");
                assertEquals(text, delivered.getJsonObject("body").getJsonObject("message").getJsonObject("body").getString("text"));
            }
        }
        try (var factory = new ActiveMQConnectionFactory(IrspServer.brokerUrl()); JMSContext jms = factory.createContext();
             QueueBrowser dead = jms.createBrowser(jms.createQueue("irsp.dead"), "irspDeliveryId = '" + badId + "'")) {
            assertTrue(dead.getEnumeration().hasMoreElements(), "the bad item waits in irsp.dead for the operator");
        }
        assertTrue(AdminConsoleIT.auditContains("offline.deadLettered", badId), "the move is audited");
    }

    private static HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body), contentType);
    }

    private static HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(IrspServer.uri() + "/irsp/api/v1/" + path).normalize())
                .method(method, body);
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, int retCode, String field) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "a JSON body: " + response.body());
        JsonObject body = json(response.body());
        assertEquals(retCode, body.getInt("retCode"), body.toString());
        assertTrue(body.containsKey("reason") && body.containsKey("details"), body.toString());
        if (field != null) {
            assertEquals(field, body.getJsonObject("details").getString("field"), body.toString());
        }
        assertNull(body.get("userId"), "nothing registered");
    }
}
