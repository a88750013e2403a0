package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspRest.Session;
import org.irsp.client.IrspSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.Map;

/** §6 WebSocket binding and §8.4–8.6 over real sockets: handshake, pipeline, bind, heartbeat, logout, kick, replace. */
@ExtendWith(IrspServer.class)
class ConnectionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final IrspRest rest = Fixtures.rest();

    private Session loginUser() {
        return rest.login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD);
    }

    @Test
    void bindRepliesWithEntityAndTimersAndARepeatedBindIs409() {
        Session s = loginUser();
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            assertEquals(IrspSocket.SUBPROTOCOL, ws.subprotocol());
            JsonObject r = ws.bind(s.connId());
            assertEquals("ConnectionIdBindResponse", r.getString("type"));
            assertEquals(200, r.getInt("retCode"));
            assertEquals(s.id(), r.getJsonObject("body").getJsonObject("entity").getString("id"));
            assertEquals(0, r.getJsonObject("body").getInt("offlineItems"));
            assertEquals(s.connId(), r.getJsonArray("targets").getJsonObject(0).getString("connId"));
            JsonObject again = ws.bind(s.connId());
            assertEquals(409, again.getInt("retCode"));
            assertNull(ws.closeCode(Duration.ofMillis(500)));
        }
    }

    @Test
    void aBrowserMayPassTheTokenInTheQueryAndTheHeaderWins() {
        Session s = loginUser();
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), "?token=" + s.token(), null, IrspSocket.SUBPROTOCOL, Map.of())) {
            assertEquals(200, ws.bind(s.connId()).getInt("retCode"));
        }
        Session other = loginUser();
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), "?token=" + other.token(), loginUser().token(),
                IrspSocket.SUBPROTOCOL, Map.of())) {
            assertEquals(401, ws.bind(other.connId()).getInt("retCode"));
        }
    }

    @Test
    void failedFirstBindsCloseWith4000PlusRetCode() {
        Session s = loginUser();
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            assertEquals(481, ws.bind("AAAAAAAAAAAAAAAAAAAAAA").getInt("retCode"));
            assertEquals(4481, ws.closeCode(WAIT));
        }
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), loginUser().token())) {
            assertEquals(401, ws.bind(s.connId()).getInt("retCode"));
            assertEquals(4401, ws.closeCode(WAIT));
        }
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            JsonObject r = ws.request("ConnectionIdBindRequest", Json.createObjectBuilder().add("connId", "short").build(), WAIT);
            assertEquals(400, r.getInt("retCode"));
            assertEquals("body.connId", r.getJsonObject("details").getString("field"));
            assertEquals(4400, ws.closeCode(WAIT));
        }
        try (IrspSocket first = IrspSocket.open(IrspServer.uri(), s.token());
             IrspSocket second = IrspSocket.open(IrspServer.uri(), s.token())) {
            assertEquals(200, first.bind(s.connId()).getInt("retCode"));
            assertEquals(409, second.bind(s.connId()).getInt("retCode"));
            assertEquals(4409, second.closeCode(WAIT));
        }
    }

    @Test
    void aConnIdIsUnknownOnceItsBindWindowClosedOrItsSessionEnded() throws Exception {
        Session late = loginUser();
        Thread.sleep(5500);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), late.token())) {
            assertEquals(481, ws.bind(late.connId()).getInt("retCode"));
            assertEquals(4481, ws.closeCode(WAIT));
        }
        Session ended = loginUser();
        assertEquals(200, rest.call("DELETE", "sessions/" + ended.connId(), null, ended.token()).retCode());
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), ended.token())) {
            assertEquals(481, ws.bind(ended.connId()).getInt("retCode"));
        }
    }

    @Test
    void aFrameBeforeBindGets405AndClose4405() {
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), null)) {
            JsonObject ack = ws.request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, WAIT);
            assertEquals("Ack", ack.getString("type"));
            assertEquals(405, ack.getInt("retCode"));
            assertEquals(4405, ws.closeCode(WAIT));
        }
    }

    @Test
    void handshakeAndFrameKindRules() {
        try (IrspSocket noProtocol = IrspSocket.open(IrspServer.uri(), null, null)) {
            assertEquals(1002, noProtocol.closeCode(WAIT));
        }
        try (IrspSocket binary = IrspSocket.open(IrspServer.uri(), null)) {
            binary.sendBinary(new byte[] {1, 2, 3});
            assertEquals(1003, binary.closeCode(WAIT));
        }
        try (IrspSocket silent = IrspSocket.open(IrspServer.uri(), null)) {
            assertEquals(4408, silent.closeCode(Duration.ofSeconds(12)));
        }
    }

    @Test
    void pipelineStepsAnswerWithAcks() {
        Session s = loginUser();
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.bind(s.connId());
            ws.sendRaw("not json");
            JsonObject notJson = ws.next("Ack", WAIT);
            assertEquals(400, notJson.getInt("retCode"));
            assertEquals("$", notJson.getJsonObject("details").getString("field"));

            ws.sendRaw("{\"type\":\"Heartbeat\",\"msgId\":\"big\",\"body\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}");
            JsonObject tooBig = ws.next("Ack", WAIT);
            assertEquals(413, tooBig.getInt("retCode"));
            assertEquals("big", tooBig.getString("respTo"));

            ws.sendRaw("{\"v\":\"2.0\",\"type\":\"Heartbeat\",\"msgId\":\"v2\"}");
            JsonObject version = ws.next("Ack", WAIT);
            assertEquals(505, version.getInt("retCode"));

            ws.sendRaw("{\"type\":\"Heartbeat\"}");
            assertEquals("msgId", ws.next("Ack", WAIT).getJsonObject("details").getString("field"));

            ws.sendRaw("{\"type\":\"HeartbeatAck\",\"msgId\":\"irsp-only\"}");
            assertEquals("type", ws.next("Ack", WAIT).getJsonObject("details").getString("field"));

            JsonObject first = ws.request("PresenceSetRequest", Json.createObjectBuilder().add("presence", "busy").build(), WAIT);
            assertEquals(200, first.getInt("retCode"));
            ws.sendRaw(Json.createObjectBuilder().add("type", "PresenceSetRequest").add("msgId", first.getString("respTo"))
                    .add("body", Json.createObjectBuilder().add("presence", "away")).build().toString());
            JsonObject duplicate = ws.next("Ack", WAIT);
            assertEquals(409, duplicate.getInt("retCode"));
            assertEquals("PresenceSetResponse", duplicate.getJsonObject("details").getString("originalType"));
            assertEquals(200, duplicate.getJsonObject("details").getInt("originalRetCode"));
            assertEquals("busy", duplicate.getJsonObject("body").getString("presence"));

            ws.sendRaw(Json.createObjectBuilder().add("type", "PresenceSetRequest").add("msgId", "t1")
                    .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "user").add("id", "bob1")))
                    .add("body", Json.createObjectBuilder().add("presence", "online")).build().toString());
            JsonObject badTargets = ws.next("PresenceSetResponse", WAIT);
            assertEquals(400, badTargets.getInt("retCode"));
            assertEquals("targets", badTargets.getJsonObject("details").getString("field"));
        }
    }

    @Test
    void heartbeatKeepsAliveAndSilenceCloses4002() throws Exception {
        Session s = loginUser();
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.bind(s.connId());
            for (int i = 0; i < 4; i++) {
                Thread.sleep(1500);
                JsonObject ack = ws.request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, WAIT);
                assertEquals("HeartbeatAck", ack.getString("type"));
                assertNotNull(ack.getJsonObject("body").getString("serverTime"));
            }
            assertEquals(4002, ws.closeCode(Duration.ofSeconds(10)));
        }
        assertEquals(401, rest.call("GET", "users/" + s.id(), null, s.token()).status());
    }

    @Test
    void theSdksHeartbeatKeepsAnIdleConnectionBound() throws Exception {
        Session s = loginUser();
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.bind(s.connId());
            ws.heartbeatEvery(Duration.ofSeconds(1));
            assertNull(ws.closeCode(Duration.ofSeconds(7)), "closed although the SDK sent heartbeats");
        }
    }

    @Test
    void logoutRepliesThenCloses1000AndEndsTheToken() {
        Session s = loginUser();
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.bind(s.connId());
            assertEquals(200, ws.request("LogoutRequest", JsonObject.EMPTY_JSON_OBJECT, WAIT).getInt("retCode"));
            assertEquals(1000, ws.closeCode(WAIT));
        }
        assertEquals(401, rest.call("GET", "users/" + s.id(), null, s.token()).status());
    }

    @Test
    void deletingAnotherSessionKicks4003AndDeletingOwnLogsOut() {
        String alice = Fixtures.newUser();
        Session phone = rest.login("user", alice, "password", Fixtures.PASSWORD);
        Session laptop = rest.login("user", alice, "password", Fixtures.PASSWORD);
        Session stranger = loginUser();
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), phone.token())) {
            ws.bind(phone.connId());
            assertEquals(404, rest.call("DELETE", "sessions/" + phone.connId(), null, stranger.token()).retCode());
            assertEquals(200, rest.call("DELETE", "sessions/" + phone.connId(), null, laptop.token()).retCode());
            assertEquals(4003, ws.closeCode(WAIT));
        }
        assertEquals(200, rest.call("DELETE", "sessions/" + laptop.connId(), null, laptop.token()).retCode());
        assertEquals(401, rest.call("GET", "users/" + alice, null, laptop.token()).status());
    }

    @Test
    void aDevicesNewerBindReplacesItsOlderConnection() {
        String device = Fixtures.newDevice();
        Session first = rest.login("device", device, "secret", Fixtures.SECRET);
        Session second = rest.login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket old = IrspSocket.open(IrspServer.uri(), first.token());
             IrspSocket now = IrspSocket.open(IrspServer.uri(), second.token())) {
            assertEquals(200, old.bind(first.connId()).getInt("retCode"));
            assertEquals(200, now.bind(second.connId()).getInt("retCode"));
            JsonObject replaced = old.next("ConnectionReplaced", WAIT);
            assertNotNull(replaced);
            assertNotNull(replaced.getJsonObject("body").getString("ts"));
            assertEquals(4001, old.closeCode(WAIT));
            assertEquals(200, now.request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, WAIT).getInt("retCode"));
        }
    }
}
