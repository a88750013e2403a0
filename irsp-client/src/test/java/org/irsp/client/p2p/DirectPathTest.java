package org.irsp.client.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two endpoints on loopback probing each other over real UDP sockets. */
class DirectPathTest {

    private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA";
    private static final String OTHER_KEY = "AAAAEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA";

    private static DatagramSocket socket() throws Exception {
        return new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    private static Candidate at(DatagramSocket s) {
        return new Candidate("host", "127.0.0.1", s.getLocalPort(), "udp");
    }

    @Test
    void authenticatedProbesFixAPathBothWaysThatCarriesSealedData() throws Exception {
        try (DatagramSocket a = socket(); DatagramSocket b = socket()) {
            DirectPath requester = new DirectPath(a, "r1", KEY, "requester", List.of(at(b)));
            DirectPath responder = new DirectPath(b, "r1", KEY, "responder", List.of(at(a)));
            LinkedBlockingQueue<byte[]> atResponder = new LinkedBlockingQueue<>();
            responder.onReceive(atResponder::add);
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> responder.establish(Duration.ofSeconds(5)).isPresent());
            assertEquals(b.getLocalPort(), requester.establish(Duration.ofSeconds(5)).orElseThrow().getPort());
            assertTrue(other.get(6, TimeUnit.SECONDS));
            requester.send(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, atResponder.poll(5, TimeUnit.SECONDS));
            assertTrue(requester.rttMs() >= 0);
        }
    }

    @Test
    void probesUnderAnotherKeyOrFromTheSameRoleNeverFixAPath() throws Exception {
        try (DatagramSocket a = socket(); DatagramSocket b = socket(); DatagramSocket c = socket(); DatagramSocket d = socket()) {
            new DirectPath(b, "r1", OTHER_KEY, "responder", List.of(at(a)));
            assertFalse(new DirectPath(a, "r1", KEY, "requester", List.of(at(b))).establish(Duration.ofMillis(800)).isPresent(), "wrong key");
            new DirectPath(d, "r1", KEY, "requester", List.of(at(c)));
            assertFalse(new DirectPath(c, "r1", KEY, "requester", List.of(at(d))).establish(Duration.ofMillis(800)).isPresent(), "same role");
        }
    }
}
