package org.irsp.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The external broker killed (SIGKILL) in the middle of a stream of offline messages: while it is gone
 * senders get 503 with {@code retryAfter}, never 202, and readiness is DOWN; once it is back, storing
 * resumes and readiness comes back without a server restart, and the recipient's next bind delivers every message that was answered 202, in order. Only
 * with {@code -Pexternal-broker}: the embedded broker cannot die without its server (that case is
 * {@link OfflineDepthIT}'s kill of the server).
 */
@ExtendWith(IrspServer.class)
@EnabledIfSystemProperty(named = "irsp.it.broker", matches = "external")
class BrokerLossIT {

    private static final Duration OUTAGE_BOUND = Duration.ofSeconds(180);

    @Test
    void whileTheBrokerIsGoneSendersGet503AndEveryMessageAnswered202IsDeliveredOnceItIsBack() throws Exception {
        String deviceId = RelationshipIT.deviceWithCode("BRKQ2345");
        List<Integer> accepted = new ArrayList<>();
        int seq = 0;
        try (Party alice = Party.user(Fixtures.newUser())) {
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device",
                    Json.createObjectBuilder().add("type", "device").add("id", deviceId).build(), "BRKQ2345"));
            for (; accepted.size() < 20; seq++) {
                assertEquals(202, send(alice, deviceId, seq), "before the broker is lost");
                accepted.add(seq);
            }
            IrspServer.killBroker();
            int unavailable = 0;
            for (; unavailable < 5; seq++) {
                int code = send(alice, deviceId, seq);
                assertTrue(code == 202 || code == 503, "while the broker is gone: " + code);
                if (code == 202) {
                    accepted.add(seq); // the broker's death not yet noticed: must then have been stored
                } else {
                    unavailable++;
                }
            }
            assertEquals(503, readiness(), "readiness while the broker is gone");
            IrspServer.startBroker();
            long deadline = System.nanoTime() + OUTAGE_BOUND.toNanos();
            int code;
            do {
                assertTrue(System.nanoTime() < deadline, "storing did not resume within " + OUTAGE_BOUND);
                code = send(alice, deviceId, seq);
                assertTrue(code == 202 || code == 503, "after the broker is back: " + code);
                if (code == 202) {
                    accepted.add(seq);
                } else {
                    Thread.sleep(1000L * retryAfter); // what the 503 asks of a client before it tries again
                }
                seq++;
            } while (code != 202);
            // polling the probe, as a load balancer does
            await("ready again within " + OUTAGE_BOUND).atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                    .pollInterval(Duration.ofMillis(500)).until(() -> readiness() == 200);
            for (int more = 0; more < 10; more++, seq++) {
                assertEquals(202, send(alice, deviceId, seq), "once the broker is back");
                accepted.add(seq);
            }
        }
        try (Party device = Party.device(deviceId)) {
            assertEquals("verificationCode", device.next("RelationshipEstablishedNotify").getJsonObject("body").getString("via"));
            List<Integer> delivered = new ArrayList<>();
            while (!delivered.containsAll(accepted)) {
                JsonObject item = device.ws.next("OfflineMessageDelivery", Duration.ofSeconds(30));
                assertTrue(item != null, "missing after the bind: " + missing(accepted, delivered));
                delivered.add(item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getInt("seq"));
            }
            List<Integer> acceptedInOrder = delivered.stream().filter(accepted::contains).distinct().toList();
            assertEquals(accepted, acceptedInOrder, "the messages answered 202, in the order they were sent");
        }
    }

    /**
     * One connection keeps 16 stores in flight (each answered once the broker has the item) and the broker
     * dies under it: every frame is answered, 202 or 503, and what the device gets at its next bind
     * includes every frame answered 202, in the order they were sent.
     */
    @Test
    void storesInFlightWhenTheBrokerDiesAreAnswered202AndKeptOr503() throws Exception {
        String deviceId = RelationshipIT.deviceWithCode("BRKP2345");
        Map<Integer, CompletableFuture<JsonObject>> answers = new TreeMap<>();
        List<Integer> accepted = new ArrayList<>();
        try (Party alice = Party.user(Fixtures.newUser())) {
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device",
                    Json.createObjectBuilder().add("type", "device").add("id", deviceId).build(), "BRKP2345"));
            Semaphore window = new Semaphore(16);
            for (int seq = 0; seq < 400; seq++) {
                assertTrue(window.tryAcquire(OUTAGE_BOUND.toSeconds(), TimeUnit.SECONDS), "a store unanswered for " + OUTAGE_BOUND);
                if (seq == 200) {
                    IrspServer.killBroker();
                }
                CompletableFuture<JsonObject> answer = alice.ws.call(frame("loss3-", deviceId, seq));
                answer.whenComplete((a, failed) -> window.release());
                answers.put(seq, answer);
            }
            for (var e : answers.entrySet()) {
                int code = e.getValue().orTimeout(OUTAGE_BOUND.toSeconds(), TimeUnit.SECONDS).join().getInt("retCode");
                assertTrue(code == 202 || code == 503, "seq " + e.getKey() + ": " + code);
                if (code == 202) {
                    accepted.add(e.getKey());
                }
            }
            assertTrue(accepted.size() >= 200 - 16 && accepted.size() < 400, "202s: " + accepted.size()); // 16 may be in flight at the kill
            IrspServer.startBroker();
            long deadline = System.nanoTime() + OUTAGE_BOUND.toNanos();
            for (int seq = 400; send(alice, deviceId, seq) != 202; seq++) {
                assertTrue(System.nanoTime() < deadline, "storing did not resume within " + OUTAGE_BOUND);
                Thread.sleep(1000L * retryAfter); // what the 503 asks of a client before it tries again
            }
        }
        try (Party device = Party.device(deviceId)) {
            device.next("RelationshipEstablishedNotify");
            List<Integer> delivered = new ArrayList<>();
            while (!delivered.containsAll(accepted)) {
                JsonObject item = device.ws.next("OfflineMessageDelivery", Duration.ofSeconds(30));
                assertTrue(item != null, "missing after the bind: " + missing(accepted, delivered));
                delivered.add(item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getInt("seq"));
            }
            assertEquals(accepted, delivered.stream().filter(accepted::contains).distinct().toList(), "the frames answered 202, in order");
        }
    }

    /**
     * A frame for two offline devices is stored in one transaction: killed in the middle of such a stream,
     * every frame is answered with both targets 202 or as a whole 503, and what each device gets at its
     * next bind is exactly the frames answered 202, in order: never the half of one.
     */
    @Test
    void aFrameForTwoTargetsIsStoredForBothOrForNeitherWhenTheBrokerDies() throws Exception {
        List<String> devices = List.of(RelationshipIT.deviceWithCode("BRKM2345"), RelationshipIT.deviceWithCode("BRKN2345"));
        List<Integer> accepted = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();
        int seq = 0;
        try (Party alice = Party.user(Fixtures.newUser())) {
            for (String d : devices) {
                alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device",
                        Json.createObjectBuilder().add("type", "device").add("id", d).build(), d.equals(devices.get(0)) ? "BRKM2345" : "BRKN2345"));
            }
            for (; seq < 10; seq++) {
                assertEquals(202, sendToBoth(alice, devices, seq), "before the broker is lost");
                accepted.add(seq);
            }
            IrspServer.killBroker();
            while (refused.size() < 5) {
                (sendToBoth(alice, devices, seq) == 202 ? accepted : refused).add(seq++);
            }
            IrspServer.startBroker();
            long deadline = System.nanoTime() + OUTAGE_BOUND.toNanos();
            int code;
            do {
                assertTrue(System.nanoTime() < deadline, "storing did not resume within " + OUTAGE_BOUND);
                code = sendToBoth(alice, devices, seq);
                (code == 202 ? accepted : refused).add(seq++);
                if (code != 202) {
                    Thread.sleep(1000L * retryAfter); // what the 503 asks of a client before it tries again
                }
            } while (code != 202);
        }
        for (String d : devices) {
            try (Party device = Party.device(d)) {
                device.next("RelationshipEstablishedNotify");
                List<Integer> delivered = new ArrayList<>();
                while (!delivered.containsAll(accepted)) {
                    JsonObject item = device.ws.next("OfflineMessageDelivery", Duration.ofSeconds(30));
                    assertTrue(item != null, d + " is missing " + missing(accepted, delivered));
                    delivered.add(item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getInt("seq"));
                }
                assertEquals(accepted, delivered.stream().distinct().toList(), d + ": the frames answered 202, in order, and nothing else");
                assertTrue(device.ws.next("OfflineMessageDelivery", Duration.ofSeconds(2)) == null, d + " got a frame answered 503");
            }
        }
    }

    /** One offline DataMessage to both devices: 202 when both results are 202, 503 when the frame was refused; anything else fails. */
    private static int sendToBoth(Party alice, List<String> devices, int seq) {
        var targets = Json.createArrayBuilder();
        devices.forEach(d -> targets.add(Json.createObjectBuilder().add("type", "device").add("id", d)));
        JsonObject ack = alice.ws.call(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", "loss2-" + seq + "-" + UUID.randomUUID())
                .add("targets", targets).add("delivery", "offline").add("body", Json.createObjectBuilder().add("op", "event").add("seq", seq)))
                .orTimeout(OUTAGE_BOUND.toSeconds(), TimeUnit.SECONDS).join();
        if (ack.getInt("retCode") == 503) {
            retryAfter = ack.getJsonObject("details").getInt("retryAfter");
            return 503;
        }
        assertEquals("MultiAck", ack.getString("type"), ack.toString());
        List<Integer> codes = ack.getJsonObject("body").getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getInt("retCode")).toList();
        assertEquals(List.of(202, 202), codes, "a frame is stored for both targets or for neither: " + ack);
        return 202;
    }

    private static int retryAfter;

    /** One offline DataMessage; the Ack's retCode (a 503 must say when to retry). A store may wait on the broker. */
    private static int send(Party alice, String deviceId, int seq) {
        JsonObject ack = alice.ws.call(frame("loss-", deviceId, seq)).orTimeout(OUTAGE_BOUND.toSeconds(), TimeUnit.SECONDS).join();
        int code = ack.getInt("retCode");
        if (code == 503) {
            retryAfter = ack.getJsonObject("details").getInt("retryAfter");
            assertTrue(retryAfter > 0, ack.toString());
        }
        return code;
    }

    private static JsonObjectBuilder frame(String prefix, String deviceId, int seq) {
        return Json.createObjectBuilder().add("type", "DataMessage").add("msgId", prefix + seq + "-" + UUID.randomUUID())
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "device").add("id", deviceId)))
                .add("delivery", "offline").add("body", Json.createObjectBuilder().add("op", "event").add("seq", seq));
    }

    private static int readiness() throws Exception {
        HttpURLConnection c = (HttpURLConnection) IrspServer.uri().resolve("/health/ready").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30_000);
        return c.getResponseCode();
    }

    private static List<Integer> missing(List<Integer> accepted, List<Integer> delivered) {
        return accepted.stream().filter(s -> !delivered.contains(s)).toList();
    }
}
