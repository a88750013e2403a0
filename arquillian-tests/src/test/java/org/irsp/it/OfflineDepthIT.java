package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PROTOCOL §6.7 and §11.5 at depth: the offline store holds deep queues, drains them completely and in
 * order when many recipients bind at once, and keeps its quota exact under concurrent senders. Runs in
 * its own server (failsafe execution {@code offline-depth}) with the production quota of 1,000 items.
 */
@ExtendWith(IrspServer.class)
class OfflineDepthIT {

    private static final int RECIPIENTS = 20;
    private static final int IN_FLIGHT = 64;
    private static final int SENDERS = 10;
    private static final String CODE = "HJKM2345";

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 1000})
    void recipientsBindingAtOnceReceiveEveryStoredItemInOrder(int depth) throws Exception {
        List<String> devices = IntStream.range(0, RECIPIENTS).mapToObj(i -> RelationshipIT.deviceWithCode(CODE)).toList();
        String alice = Fixtures.newUser();
        List<Party> senders = new ArrayList<>();
        try {
            for (int i = 0; i < SENDERS; i++) {
                senders.add(Party.user(alice));
            }
            for (String device : devices) {
                assertEquals(200, senders.get(0).request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address(device), CODE)).getInt("retCode"));
            }
            // each device's items go through one connection, so they are stored in order; the connections work in parallel
            List<CompletableFuture<Void>> streams = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                Party sender = senders.get(s);
                List<String> mine = IntStream.range(0, RECIPIENTS).filter(i -> i % SENDERS == senders.indexOf(sender)).mapToObj(devices::get).toList();
                streams.add(CompletableFuture.runAsync(() -> {
                    Semaphore window = new Semaphore(IN_FLIGHT);
                    List<CompletableFuture<JsonObject>> acks = new ArrayList<>();
                    for (int seq = 0; seq < depth; seq++) {
                        for (String device : mine) {
                            acks.add(store(sender, device, seq, window));
                        }
                    }
                    acks.forEach(a -> assertEquals(202, a.orTimeout(120, TimeUnit.SECONDS).join().getInt("retCode")));
                }));
            }
            CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get(600, TimeUnit.SECONDS);
        } finally {
            senders.forEach(Party::close);
        }
        List<CompletableFuture<Integer>> drains = devices.stream()
                .map(device -> CompletableFuture.supplyAsync(() -> drain(device, depth))).toList();
        for (CompletableFuture<Integer> drained : drains) {
            assertEquals(depth, drained.get(300, TimeUnit.SECONDS));
        }
    }

    /** Binds the device and reads its queue: the claim's notification, then {@code depth} messages in order. */
    private static int drain(String device, int depth) {
        try (Party d = Party.device(device)) {
            assertEquals(depth + 1, d.bindReply.getJsonObject("body").getInt("offlineItems"), d.bindReply.toString());
            assertNotNull(d.ws.next("RelationshipEstablishedNotify", Duration.ofSeconds(60)));
            for (int seq = 0; seq < depth; seq++) {
                JsonObject item = d.ws.next("OfflineMessageDelivery", Duration.ofSeconds(60));
                assertNotNull(item, device + " stalled after " + seq + " of " + depth + " items");
                assertEquals(seq, item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getInt("seq"));
            }
            return depth;
        }
    }

    /**
     * §11.1 486 under concurrency: five connections of one user send 1,200 messages to one offline device
     * with up to 64 in flight each; exactly {@code irsp.offline.maxMessages} (1,000) are stored.
     */
    @Test
    void concurrentSendersFillTheQuotaExactly() throws Exception {
        String device = RelationshipIT.deviceWithCode(CODE);
        String user = Fixtures.newUser();
        List<Party> senders = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                senders.add(Party.user(user));
            }
            assertEquals(200, senders.get(0).request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address(device), CODE)).getInt("retCode"));
            Map<Integer, Integer> outcomes = new ConcurrentHashMap<>();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (Party sender : senders) {
                all.add(CompletableFuture.runAsync(() -> {
                    Semaphore window = new Semaphore(IN_FLIGHT);
                    List<CompletableFuture<JsonObject>> acks = new ArrayList<>();
                    for (int seq = 0; seq < 240; seq++) {
                        acks.add(store(sender, device, seq, window));
                    }
                    acks.forEach(a -> outcomes.merge(a.orTimeout(120, TimeUnit.SECONDS).join().getInt("retCode"), 1, Integer::sum));
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
            assertEquals(Map.of(202, 1000, 486, 200), outcomes);
            try (Party d = Party.device(device)) {
                assertEquals(1001, d.bindReply.getJsonObject("body").getInt("offlineItems"), "the claim's notification and 1,000 messages");
            }
        } finally {
            senders.forEach(Party::close);
        }
    }

    /**
     * §6.7: an item answered 202 is durably stored. The server (and its embedded broker) is killed in the
     * middle of a stream of stores; after the restart the device receives every item that was answered 202,
     * in order. Items in flight at the kill may or may not be there.
     */
    @Test
    void everyItemAnswered202SurvivesAKillOfTheServerInOrder() throws Exception {
        String device = RelationshipIT.deviceWithCode(CODE);
        java.util.Set<Integer> accepted = ConcurrentHashMap.newKeySet();
        try (Party alice = Party.user(Fixtures.newUser())) {
            assertEquals(200, alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address(device), CODE)).getInt("retCode"));
            Semaphore window = new Semaphore(IN_FLIGHT);
            CompletableFuture<Void> killed = new CompletableFuture<>();
            stream:
            for (int seq = 0; seq < 900 && !killed.isDone(); seq++) {
                while (!window.tryAcquire(1, TimeUnit.SECONDS)) {
                    if (killed.isDone()) {
                        break stream; // the rest were in flight when the server died
                    }
                }
                int s = seq;
                CompletableFuture<JsonObject> ack;
                try {
                    ack = alice.ws.call(message(device, seq));
                } catch (RuntimeException connectionGone) {
                    break;
                }
                ack.orTimeout(120, TimeUnit.SECONDS).whenComplete((a, e) -> {
                    window.release();
                    if (a != null && a.getInt("retCode") == 202 && accepted.add(s) && accepted.size() == 300) {
                        CompletableFuture.runAsync(() -> {
                            try {
                                IrspServer.killAndRestart();
                                killed.complete(null);
                            } catch (Exception failed) {
                                killed.completeExceptionally(failed);
                            }
                        });
                    }
                });
            }
            killed.get(300, TimeUnit.SECONDS);
        }
        List<Integer> delivered = new ArrayList<>();
        try (Party d = Party.device(device)) {
            int count = d.bindReply.getJsonObject("body").getInt("offlineItems");
            for (int i = 0; i < count; i++) {
                JsonObject item = d.ws.next(Duration.ofSeconds(60));
                assertNotNull(item, "item " + i + " of " + count);
                if (item.getString("type").equals("OfflineMessageDelivery")) {
                    delivered.add(item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getInt("seq"));
                }
            }
        }
        assertTrue(delivered.containsAll(accepted), "every item answered 202 is delivered: missing "
                + accepted.stream().filter(s -> !delivered.contains(s)).toList());
        assertEquals(delivered.stream().sorted().toList(), delivered, "in the order they were stored");
    }

    private static CompletableFuture<JsonObject> store(Party sender, String device, int seq, Semaphore window) {
        window.acquireUninterruptibly();
        return sender.ws.call(message(device, seq)).orTimeout(120, TimeUnit.SECONDS).whenComplete((a, e) -> window.release());
    }

    private static jakarta.json.JsonObjectBuilder message(String device, int seq) {
        return Json.createObjectBuilder().add("type", "DataMessage")
                .add("msgId", UUID.randomUUID().toString()).add("targets", Json.createArrayBuilder().add(address(device)))
                .add("delivery", "offline").add("body", Json.createObjectBuilder().add("op", "event").add("seq", seq));
    }

    private static JsonObject address(String device) {
        return Json.createObjectBuilder().add("type", "device").add("id", device).build();
    }
}
