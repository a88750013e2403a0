package org.irsp.it;

import static org.irsp.it.ClusterIT.BROKERS;
import static org.irsp.it.ClusterIT.DIR;
import static org.irsp.it.ClusterIT.claimedDevice;
import static org.irsp.it.ClusterIT.message;
import static org.irsp.it.ClusterIT.user;
import static org.irsp.it.Fixtures.address;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * The cluster's broker is an Artemis primary/backup pair on one shared journal ({@code scripts/cluster.sh},
 * {@code scripts/external-broker.sh start-pair}); the primary is killed with -9 in the middle of a stream of
 * offline messages between parties on two nodes. The backup takes over without anyone restarting anything:
 * every frame is answered 202 or 503 (never lost), storing resumes, both nodes are ready again, live messages
 * and enterprise pushes cross nodes again, and the recipient's next bind delivers every frame answered 202 —
 * those the primary stored before it died among them — in order. Runs after {@link ClusterIT} (its own
 * execution), which leaves node1 and node2.
 */
class BrokerFailoverIT {

    private static final URI NODE1 = ClusterIT.node(1);
    private static final URI NODE2 = ClusterIT.node(2);
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(180);

    private int retryAfter;

    @Test
    void whenThePrimaryBrokerIsKilledItsBackupTakesOverAndEveryFrameAnswered202IsDelivered() throws Exception {
        List<Integer> accepted = new ArrayList<>();
        String parked;
        try (Party alice = Party.user(NODE1, user(NODE1)); Party lamp = claimedDevice(alice, NODE2, NODE2)) {
            try (Party device = claimedDevice(alice, NODE2, NODE2)) {
                parked = device.id;
            }
            assertEquals(parked, alice.next("OfflineNotify").getJsonObject("body").getString("id"));
            int seq = 0;
            for (; seq < 20; seq++) {
                assertEquals(202, store(alice, parked, seq), "before the primary is lost");
                accepted.add(seq);
            }
            killPrimary();
            long deadline = System.nanoTime() + FAILOVER_BOUND.toNanos();
            for (int after = 0; after < 10; seq++) {
                assertTrue(System.nanoTime() < deadline, "storing did not resume on the backup within " + FAILOVER_BOUND);
                if (store(alice, parked, seq) == 202) {
                    accepted.add(seq);
                    after++;
                } else {
                    Thread.sleep(1000L * retryAfter); // what the 503 asks of a client before it tries again
                }
            }
            for (URI node : List.of(NODE1, NODE2)) {
                // polling the probe, as a load balancer does
                await(node + " ready again within " + FAILOVER_BOUND).atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                        .pollInterval(Duration.ofMillis(500)).until(() -> readiness(node) == 200);
            }
            JsonObject request = message(lamp.address(), true).build();
            alice.ws.sendRaw(request.toString());
            JsonObject received = lamp.next("DataMessage");
            assertNotNull(received, "a request across nodes after the failover");
            lamp.ws.sendRaw(MessagingIT.powerOnResponse(received).toString());
            assertEquals(request.getString("msgId"), alice.next("DataMessageResponse").getString("respTo"));
            String pushId = "fo-" + UUID.randomUUID();
            try (var factory = new ActiveMQConnectionFactory(BROKERS); JMSContext jms = factory.createContext()) {
                jms.createProducer().send(jms.createQueue("irsp.push.inbound"), Json.createObjectBuilder().add("type", "ServerPushNotify")
                        .add("msgId", pushId).add("targets", Json.createArrayBuilder().add(lamp.address()))
                        .add("body", Json.createObjectBuilder().add("cmd", "on")).build().toString());
            }
            assertEquals(pushId, lamp.next("ServerPushNotify").getString("msgId"), "an enterprise push through the backup");
        }
        try (Party device = Party.device(NODE1, parked)) {
            List<Integer> delivered = new ArrayList<>();
            while (!delivered.containsAll(accepted)) {
                JsonObject item = device.ws.next("OfflineMessageDelivery", Duration.ofSeconds(30));
                assertNotNull(item, "missing after the bind: " + accepted.stream().filter(s -> !delivered.contains(s)).toList());
                delivered.add(item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getInt("seq"));
            }
            assertEquals(accepted, delivered.stream().filter(accepted::contains).distinct().toList(),
                    "the frames answered 202, in the order they were sent");
        }
    }

    /** One offline DataMessage; its Ack's retCode, 202 or 503 (which must say when to retry). */
    private int store(Party alice, String deviceId, int seq) {
        JsonObjectBuilder frame = Json.createObjectBuilder().add("type", "DataMessage").add("msgId", "fo-" + seq + "-" + UUID.randomUUID())
                .add("targets", Json.createArrayBuilder().add(address("device", deviceId)))
                .add("delivery", "offline").add("body", Json.createObjectBuilder().add("op", "event").add("seq", seq));
        JsonObject ack = alice.ws.call(frame).orTimeout(FAILOVER_BOUND.toSeconds(), TimeUnit.SECONDS).join();
        int code = ack.getInt("retCode");
        assertTrue(code == 202 || code == 503, ack.toString());
        if (code == 503) {
            retryAfter = ack.getJsonObject("details").getInt("retryAfter");
            assertTrue(retryAfter > 0, ack.toString());
        }
        return code;
    }

    /** SIGKILL to the pair's primary: its journal lock is released and the backup takes the journal. */
    private static void killPrimary() throws Exception {
        ProcessHandle backup = pid("backup").orElseThrow(() -> new AssertionError("the pair's backup is not running"));
        assertTrue(backup.isAlive());
        ProcessHandle primary = pid("primary").orElseThrow(() -> new AssertionError("the pair's primary is not running"));
        primary.destroyForcibly();
        primary.onExit().get(60, TimeUnit.SECONDS);
        Files.delete(DIR.resolve("broker").resolve("primary.pid"));
    }

    private static java.util.Optional<ProcessHandle> pid(String broker) throws Exception {
        return ProcessHandle.of(Long.parseLong(Files.readString(DIR.resolve("broker").resolve(broker + ".pid")).trim()));
    }

    private static int readiness(URI node) throws Exception {
        HttpURLConnection c = (HttpURLConnection) node.resolve("/health/ready").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30_000);
        return c.getResponseCode();
    }
}
