package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspRest.Session;
import org.irsp.client.IrspSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §15.2 events with selectors, §11.5 expiry, §6.9 rate limit, §6.5 step 2, §7.6 deletion of a bound entity. */
@ExtendWith(IrspServer.class)
class EventsAndLimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final IrspRest rest = Fixtures.rest();

    private static JsonObject nextEvent(JMSConsumer events) throws Exception {
        Message m = events.receive(WAIT.toMillis());
        assertNotNull(m, "no event");
        return Json.createReader(new StringReader(m.getBody(String.class))).readObject();
    }

    @Test
    void accountAndPresenceEventsCarrySelectableProperties() throws Exception {
        String id = "evt" + System.nanoTime();
        try (var factory = new ActiveMQConnectionFactory(IrspServer.brokerUrl());
             JMSContext jms = factory.createContext()) {
            JMSConsumer events = jms.createConsumer(jms.createTopic("irsp.events"), "entityId = '" + id + "'");
            rest.post("users", Json.createObjectBuilder().add("userId", id).add("password", Fixtures.PASSWORD).build());
            JsonObject registered = nextEvent(events);
            assertEquals("account.registered", registered.getString("eventType"));
            assertEquals("user", registered.getString("entityType"));

            Session s = rest.login("user", id, "password", Fixtures.PASSWORD);
            try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
                ws.bind(s.connId());
                JsonObject online = nextEvent(events);
                assertEquals("presence.changed", online.getString("eventType"));
                assertEquals("online", online.getJsonObject("data").getString("presence"));
                assertEquals(1, online.getJsonObject("data").getInt("connCount"));
                ws.request("PresenceSetRequest", Json.createObjectBuilder().add("presence", "invisible").build(), WAIT);
                assertEquals("invisible", nextEvent(events).getJsonObject("data").getString("presence"));
                ws.request("LogoutRequest", JsonObject.EMPTY_JSON_OBJECT, WAIT);
                JsonObject offline = nextEvent(events);
                assertEquals("presence.offline", offline.getString("eventType"));
                assertEquals("logout", offline.getJsonObject("data").getString("reason"));
            }
        }
    }

    @Test
    void anExpiredItemIsNeverDeliveredAndIsReported() throws Exception {
        String device = Fixtures.newDevice();
        String msgId = "ttl-" + UUID.randomUUID();
        try (var factory = new ActiveMQConnectionFactory(IrspServer.brokerUrl());
             JMSContext jms = factory.createContext()) {
            JMSConsumer events = jms.createConsumer(jms.createTopic("irsp.events"), "eventType = 'message.deliveryFailed'");
            JsonObject reply = EnterprisePushIT.push(Json.createObjectBuilder().add("msgId", msgId)
                    .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "device").add("id", device)))
                    .add("delivery", "offline").add("ttl", 2).add("body", JsonObject.EMPTY_JSON_OBJECT).build().toString());
            assertEquals(202, EnterprisePushIT.resultCode(reply, 0));
            Thread.sleep(2500);
            Session s = rest.login("device", device, "secret", Fixtures.SECRET);
            try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
                assertEquals(0, ws.bind(s.connId()).getJsonObject("body").getInt("offlineItems"));
            }
            JsonObject failed = nextEvent(events);
            while (!msgId.equals(failed.getJsonObject("data").getString("msgId"))) {
                failed = nextEvent(events);
            }
            assertEquals(410, failed.getJsonObject("data").getInt("retCode"));
            assertEquals(device, failed.getJsonObject("data").getJsonObject("target").getString("id"));
        }
    }

    @Test
    void aBurstBeyondTheBucketIsAnsweredWith429() {
        Session s = rest.login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.bind(s.connId());
            // the bucket holds 400 and refills 200/s: a client sending faster than that must hit it
            int frames = 2000;
            for (int i = 0; i < frames; i++) {
                ws.sendRaw("{\"type\":\"Heartbeat\",\"msgId\":\"hb" + i + "\"}");
            }
            int limited = 0;
            for (int i = 0; i < frames; i++) {
                JsonObject f = ws.next(WAIT);
                if (f != null && f.getInt("retCode", 0) == 429) {
                    limited++;
                    assertEquals(1, f.getJsonObject("details").getInt("retryAfter"));
                }
            }
            assertTrue(limited > 0, "no frame was rate-limited");
        }
    }

    @Test
    void aFrameOverOneMebibyteClosesWith1009() {
        Session s = rest.login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.bind(s.connId());
            ws.sendRaw("{\"type\":\"Heartbeat\",\"msgId\":\"huge\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}");
            assertEquals(1009, ws.closeCode(WAIT));
        }
    }

    @Test
    void deletingABoundAccountClosesItsSocketWith4003() {
        String alice = Fixtures.newUser();
        Session phone = rest.login("user", alice, "password", Fixtures.PASSWORD);
        Session laptop = rest.login("user", alice, "password", Fixtures.PASSWORD);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), phone.token())) {
            ws.bind(phone.connId());
            assertEquals(200, rest.call("DELETE", "users/" + alice, null, laptop.token()).retCode());
            assertEquals(4003, ws.closeCode(WAIT));
        }
    }

    @Test
    void aDeviceDeletesItself() {
        String device = Fixtures.newDevice();
        Session s = rest.login("device", device, "secret", Fixtures.SECRET);
        assertEquals(200, rest.call("DELETE", "devices/" + IrspRest.encode(device), null, s.token()).retCode());
        assertEquals(404, rest.post("sessions", Json.createObjectBuilder().add("type", "device").add("id", device)
                .add("secret", Fixtures.SECRET).build()).retCode());
    }
}
