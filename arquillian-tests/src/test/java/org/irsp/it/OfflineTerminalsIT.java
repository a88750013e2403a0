package org.irsp.it;

import static org.irsp.it.Fixtures.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PROTOCOL §6.7 with several terminals of one entity: every bound connection gets every item not yet
 * acked, the first Ack from any of them removes it, an item never acked comes back at the next bind, and
 * a guaranteed message to a bound target, once acked, does not.
 */
@ExtendWith(IrspServer.class)
class OfflineTerminalsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CODE = "TVWX2345";

    @Test
    void everyTerminalGetsWhatNoTerminalHasAckedAndTheFirstAckFromAnyRemovesIt() {
        String device = RelationshipIT.deviceWithCode(CODE);
        String alice = Fixtures.newUser();
        try (Party a = Party.user(alice)) {
            a.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address("device", device), CODE));
        }
        try (Terminal d = bind("device", device, "secret", Fixtures.SECRET)) {
            for (String text : List.of("one", "two", "three")) {
                assertEquals(202, Fixtures.sendOffline(d.ws(), address("user", alice), text).getInt("retCode"));
            }
        }
        try (Terminal first = bind("user", alice, "password", Fixtures.PASSWORD)) {
            Map<String, String> atFirst = messages(first);
            assertEquals(List.of("one", "two", "three"), List.copyOf(atFirst.values()));
            acked(first, idOf(atFirst, "one"));
            try (Terminal second = bind("user", alice, "password", Fixtures.PASSWORD)) {
                Map<String, String> atSecond = messages(second);
                assertEquals(List.of("two", "three"), List.copyOf(atSecond.values()), "an item acked by one terminal is not sent to the next");
                acked(second, idOf(atSecond, "two"));
                acked(first, idOf(atFirst, "two")); // a second Ack for it changes nothing
            }
        }
        try (Terminal d = bind("device", device, "secret", Fixtures.SECRET);
             Terminal third = bind("user", alice, "password", Fixtures.PASSWORD)) {
            assertEquals(List.of("three"), List.copyOf(messages(third).values()), "what no terminal acked comes back");
            JsonObject live = Fixtures.sendOffline(d.ws(), address("user", alice), "live");
            assertEquals(200, live.getInt("retCode"), "stored, and sent to the bound terminal");
            JsonObject delivered = third.ws().next("DataMessage", WAIT);
            assertNotNull(delivered);
            assertEquals("live", delivered.getJsonObject("body").getString("text"));
            acked(third, delivered.getString("deliveryId"));
        }
        try (Terminal fourth = bind("user", alice, "password", Fixtures.PASSWORD)) {
            assertEquals(List.of("three"), List.copyOf(messages(fourth).values()), "the acked live item does not come back");
        }
    }

    /**
     * Acks sent just before the socket closes remove their items, and the queue is left with no consumer:
     * the node gives back what it held for an entity no longer bound here.
     */
    @Test
    void acksThatArriveAsTheTerminalLeavesRemoveTheirItemsAndLeaveNoConsumerBehind() throws Exception {
        String device = RelationshipIT.deviceWithCode(CODE);
        String alice = Fixtures.newUser();
        try (Party a = Party.user(alice)) {
            a.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address("device", device), CODE));
            for (int i = 0; i < 5; i++) { // the shared server's quota
                assertEquals(202, Fixtures.sendOffline(a.ws, address("device", device), "m" + i).getInt("retCode"));
            }
        }
        try (Terminal d = bind("device", device, "secret", Fixtures.SECRET)) {
            Map<String, String> items = messages(d);
            assertEquals(5, items.size());
            items.keySet().forEach(d.ws()::ack); // and close at once
        }
        String queue = "irsp.offline.device." + device.substring(device.lastIndexOf(':') + 1);
        assertEquals(0, consumersWithin(queue, WAIT), "no consumer left on " + queue);
        try (Terminal again = bind("device", device, "secret", Fixtures.SECRET)) {
            assertEquals(List.of(), List.copyOf(messages(again).values()), "every acked item is gone");
        }
    }

    /** The consumers the broker counts on {@code queue} (through its management address) once none are left, or at {@code bound}. */
    private static int consumersWithin(String queue, Duration bound) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(IrspServer.brokerUrl());
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession();
             ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
            session.start();
            long deadline = System.nanoTime() + bound.toNanos();
            while (true) {
                ClientMessage m = session.createMessage(false);
                ManagementHelper.putAttribute(m, "queue." + queue, "consumerCount");
                int count = ((Number) ManagementHelper.getResult(requestor.request(m))).intValue();
                if (count == 0 || System.nanoTime() > deadline) {
                    return count;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // polling the broker's count
            }
        }
    }

    /** The DataMessages a bind delivers, by delivery ID, in order; other items are passed over. */
    private static Map<String, String> messages(Terminal t) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < t.offlineItems(); i++) {
            JsonObject item = t.ws().next(WAIT);
            while (item != null && List.of("StatusChangeNotify", "HeartbeatAck").contains(item.getString("type"))) {
                item = t.ws().next(WAIT);
            }
            assertNotNull(item, "item " + i + " of " + t.offlineItems());
            if (item.getString("type").equals("OfflineMessageDelivery")) {
                texts.put(item.getString("msgId"), item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getString("text"));
            }
        }
        return texts;
    }

    private static String idOf(Map<String, String> messages, String text) {
        return messages.entrySet().stream().filter(e -> e.getValue().equals(text)).findFirst().orElseThrow().getKey();
    }

    /** Acks, then waits until the connection has handled the Ack: its frames are handled in order. */
    private static void acked(Terminal t, String deliveryId) {
        t.ws().ack(deliveryId);
        assertNotNull(t.ws().request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, WAIT));
    }

    /** A bound connection and the number of offline items its bind announced. */
    private record Terminal(IrspSocket ws, int offlineItems) implements AutoCloseable {
        @Override
        public void close() {
            ws.close();
        }
    }

    private static Terminal bind(String type, String id, String field, String credential) {
        IrspRest.Session s = Fixtures.rest().login(type, id, field, credential);
        IrspSocket ws = IrspSocket.open(IrspServer.uri(), s.token());
        JsonObject reply = ws.bind(s.connId());
        assertEquals(200, reply.getInt("retCode"));
        return new Terminal(ws, reply.getJsonObject("body").getInt("offlineItems"));
    }

}
