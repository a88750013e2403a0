package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspRest.Session;
import org.irsp.client.IrspSocket;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * §15.1 enterprise push over real JMS into the §6.7 durable offline queue: live delivery, storage for
 * offline targets, FIFO at bind, re-send until acked, quota, invalid messages, and a server restart.
 * The restart runs last.
 */
@ExtendWith(IrspServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnterprisePushIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static ActiveMQConnectionFactory factory;
    private final IrspRest rest = Fixtures.rest();

    /** Sends a push and returns the IRSP's reply from JMSReplyTo. */
    static synchronized JsonObject push(String body) {
        if (factory == null) {
            factory = new ActiveMQConnectionFactory(IrspServer.brokerUrl());
        }
        try (JMSContext jms = factory.createContext()) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            Queue inbound = jms.createQueue("irsp.push.inbound");
            jms.createProducer().setJMSReplyTo(replies).setJMSCorrelationID("c-" + UUID.randomUUID()).send(inbound, body);
            String reply = jms.createConsumer(replies).receiveBody(String.class, WAIT.toMillis());
            assertNotNull(reply, "no reply on JMSReplyTo");
            return Json.createReader(new StringReader(reply)).readObject();
        }
    }

    static String pushTo(String type, String id, String delivery, String msgId, String text) {
        return Json.createObjectBuilder().add("msgId", msgId).add("source", Json.createObjectBuilder().add("type", "irsp").add("id", "crm"))
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", type).add("id", id)))
                .add("delivery", delivery).add("body", Json.createObjectBuilder().add("text", text)).build().toString();
    }

    static int resultCode(JsonObject reply, int i) {
        return reply.getJsonObject("body").getJsonArray("results").getJsonObject(i).getInt("retCode");
    }

    @Test
    @Order(1)
    void onlineTargetGetsServerPushNotifyAndOfflineInstantIs480() {
        String device = Fixtures.newDevice();
        String sleeping = Fixtures.newDevice();
        Session s = rest.login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.bind(s.connId());
            JsonObject reply = push(Json.createObjectBuilder().add("type", "ServerPushNotify").add("msgId", "p-" + UUID.randomUUID())
                    .add("targets", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("type", "device").add("id", device))
                            .add(Json.createObjectBuilder().add("type", "device").add("id", sleeping))
                            .add(Json.createObjectBuilder().add("type", "user").add("id", "nobody" + System.nanoTime())))
                    .add("body", Json.createObjectBuilder().add("cmd", "on")).build().toString());
            assertEquals("MultiAck", reply.getString("type"));
            assertEquals(200, reply.getInt("retCode"));
            assertEquals(200, resultCode(reply, 0));
            assertEquals(480, resultCode(reply, 1));
            assertEquals(404, resultCode(reply, 2));
            JsonObject notify = ws.next("ServerPushNotify", WAIT);
            assertEquals("on", notify.getJsonObject("body").getString("cmd"));
            assertEquals(reply.getString("respTo"), notify.getString("msgId"));
            assertEquals("irsp", notify.getJsonObject("source").getString("type"));
        }
    }

    @Test
    @Order(2)
    void invalidPushesAreAnsweredAndConsumed() {
        assertEquals(400, push("not json").getInt("retCode"));
        JsonObject group = push("{\"msgId\":\"g1\",\"targets\":[{\"type\":\"group\",\"id\":\"all\"}]}");
        assertEquals(400, group.getInt("retCode"));
        assertEquals("targets[0].type", group.getJsonObject("details").getString("field"));
        assertEquals(505, push("{\"v\":\"3.0\",\"msgId\":\"v3\",\"targets\":[]}").getInt("retCode"));
        String device = Fixtures.newDevice();
        String body = pushTo("device", device, "offline", "dup-" + UUID.randomUUID(), "x");
        assertEquals(202, resultCode(push(body), 0));
        assertEquals(409, push(body).getInt("retCode"));
    }

    @Test
    @Order(3)
    void storedItemsArriveInOrderAtBindAndComeBackUntilAcked() {
        String device = Fixtures.newDevice();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String msgId = "fifo-" + i + "-" + UUID.randomUUID();
            sent.add(msgId);
            assertEquals(202, resultCode(push(pushTo("device", device, "offline", msgId, "m" + i)), 0));
        }
        List<String> deliveryIds = new ArrayList<>();
        Session first = rest.login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), first.token())) {
            assertEquals(3, ws.bind(first.connId()).getJsonObject("body").getInt("offlineItems"));
            for (int i = 0; i < 3; i++) {
                JsonObject item = ws.next("OfflineMessageDelivery", WAIT);
                assertEquals(sent.get(i), item.getJsonObject("body").getJsonObject("message").getString("msgId"));
                deliveryIds.add(item.getString("msgId"));
            }
            ws.ack(deliveryIds.get(0));
            ws.request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, WAIT);
            ws.abort();
        }
        Session second = rest.login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), second.token())) {
            assertEquals(2, ws.bind(second.connId()).getJsonObject("body").getInt("offlineItems"));
            assertEquals(deliveryIds.get(1), ws.next("OfflineMessageDelivery", WAIT).getString("msgId"));
            assertEquals(deliveryIds.get(2), ws.next("OfflineMessageDelivery", WAIT).getString("msgId"));
            ws.ack(deliveryIds.get(1));
            ws.ack(deliveryIds.get(2));
            ws.request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, WAIT);
        }
        Session third = rest.login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), third.token())) {
            assertEquals(0, ws.bind(third.connId()).getJsonObject("body").getInt("offlineItems"));
        }
    }

    @Test
    @Order(4)
    void guaranteedPushToAnOnlineTargetIsHeldUntilAcked() {
        String device = Fixtures.newDevice();
        Session first = rest.login("device", device, "secret", Fixtures.SECRET);
        String deliveryId;
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), first.token())) {
            ws.bind(first.connId());
            assertEquals(200, resultCode(push(pushTo("device", device, "offline", "held-" + UUID.randomUUID(), "keep")), 0));
            JsonObject live = ws.next("ServerPushNotify", WAIT);
            deliveryId = live.getString("deliveryId");
            assertNotNull(deliveryId);
            ws.abort();
        }
        Session second = rest.login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), second.token())) {
            ws.bind(second.connId());
            JsonObject again = ws.next("OfflineMessageDelivery", WAIT);
            assertEquals(deliveryId, again.getString("msgId"));
            ws.ack(deliveryId);
            ws.request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, WAIT);
        }
    }

    @Test
    @Order(4)
    void anAckFromAnyConnectionOfAUserRemovesTheItemForAll() {
        String alice = Fixtures.newUser();
        Session phone = rest.login("user", alice, "password", Fixtures.PASSWORD);
        Session laptop = rest.login("user", alice, "password", Fixtures.PASSWORD);
        try (IrspSocket p = IrspSocket.open(IrspServer.uri(), phone.token());
             IrspSocket l = IrspSocket.open(IrspServer.uri(), laptop.token())) {
            p.bind(phone.connId());
            l.bind(laptop.connId());
            assertEquals(200, resultCode(push(pushTo("user", alice, "offline", "multi-" + UUID.randomUUID(), "both")), 0));
            String onPhone = p.next("ServerPushNotify", WAIT).getString("deliveryId");
            assertEquals(onPhone, l.next("ServerPushNotify", WAIT).getString("deliveryId"));
            // a third terminal binding now still gets the item: nobody acked it yet
            Session tablet = rest.login("user", alice, "password", Fixtures.PASSWORD);
            try (IrspSocket t = IrspSocket.open(IrspServer.uri(), tablet.token())) {
                assertEquals(1, t.bind(tablet.connId()).getJsonObject("body").getInt("offlineItems"));
                assertEquals(onPhone, t.next("OfflineMessageDelivery", WAIT).getString("msgId"));
            }
            l.ack(onPhone);
            l.request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, WAIT);
            Session desktop = rest.login("user", alice, "password", Fixtures.PASSWORD);
            try (IrspSocket d = IrspSocket.open(IrspServer.uri(), desktop.token())) {
                assertEquals(0, d.bind(desktop.connId()).getJsonObject("body").getInt("offlineItems"));
            }
        }
    }

    @Test
    @Order(5)
    void aFullQueueRefusesWith486() {
        String device = Fixtures.newDevice();
        for (int i = 0; i < 5; i++) {
            assertEquals(202, resultCode(push(pushTo("device", device, "offline", "q-" + UUID.randomUUID(), "m")), 0));
        }
        assertEquals(486, resultCode(push(pushTo("device", device, "offline", "q-" + UUID.randomUUID(), "m")), 0));
    }

    @Test
    @Order(5)
    void theBindReplyComesFirstThenTheQueueOldestFirst() {
        String device = Fixtures.newDevice();
        assertEquals(202, resultCode(push(pushTo("device", device, "offline", "o1-" + UUID.randomUUID(), "first")), 0));
        assertEquals(202, resultCode(push(pushTo("device", device, "offline", "o2-" + UUID.randomUUID(), "second")), 0));
        Session s = rest.login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            ws.send("ConnectionIdBindRequest", Json.createObjectBuilder().add("connId", s.connId()).build());
            assertEquals("ConnectionIdBindResponse", ws.next(WAIT).getString("type"));
            JsonObject first = ws.next(WAIT);
            JsonObject second = ws.next(WAIT);
            assertEquals("OfflineMessageDelivery", first.getString("type"));
            assertEquals("first", first.getJsonObject("body").getJsonObject("message").getJsonObject("body").getString("text"));
            assertEquals("second", second.getJsonObject("body").getJsonObject("message").getJsonObject("body").getString("text"));
            assertEquals(device, first.getJsonArray("targets").getJsonObject(0).getString("id"));
            assertEquals(s.connId(), first.getJsonArray("targets").getJsonObject(0).getString("connId"));
        }
    }

    @Test
    @Order(6)
    void queuedItemsSurviveARestartOfTheServer() throws Exception {
        String device = Fixtures.newDevice();
        String msgId = "restart-" + UUID.randomUUID();
        assertEquals(202, resultCode(push(pushTo("device", device, "offline", msgId, "survive")), 0));
        Session before = rest.login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD);
        IrspSocket open = IrspSocket.open(IrspServer.uri(), before.token());
        open.bind(before.connId());
        IrspServer.restart();
        assertEquals(1001, open.closeCode(WAIT), "a server shutting down closes its sockets with 1001");
        Session s = Fixtures.rest().login("device", device, "secret", Fixtures.SECRET);
        try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token())) {
            assertEquals(1, ws.bind(s.connId()).getJsonObject("body").getInt("offlineItems"));
            JsonObject item = ws.next("OfflineMessageDelivery", WAIT);
            assertEquals(msgId, item.getJsonObject("body").getJsonObject("message").getString("msgId"));
            assertNull(ws.next("OfflineMessageDelivery", Duration.ofMillis(500)));
        }
    }
}
