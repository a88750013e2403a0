package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops reading cannot make the server buffer without bound: once its outbound queue
 * ({@code irsp.ws.maxOutboundFrames}, 64 on the test server) overflows, the server drops the frames
 * queued for it and closes the connection with 1011 within a second, without waiting for the client
 * to read. What the client sees once it reads again depends on how the container tears down a socket
 * whose writes are stuck: the 1011, an abnormal end (1006 or a reset), or a connection that answers
 * nothing more. A close decided while frames wait (a heartbeat timeout, a kick) is forced when they are
 * not written within one heartbeat timeout.
 */
@ExtendWith(IrspServer.class)
class SlowReaderIT {

    private static final int FLOOD = 380; // within the sender's burst of 400 frames
    private static final String FILLER = "x".repeat(60_000);

    @Test
    void aClientThatStopsReadingIsClosedWith1011OnceItsOutboundQueueOverflows() throws Exception {
        try (Party alice = Party.user(Fixtures.newUser())) {
            JsonObject device = claimedDevice(alice, "WXYZ3456");
            StalledReader reader = StalledReader.bind(device.getString("id"));
            reader.stall();

            List<CompletableFuture<JsonObject>> sent = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                sent.add(alice.ws.call(big(device, i)));
            }
            for (CompletableFuture<JsonObject> answer : sent) { // forwarded, or 480 once the connection is closed
                int retCode = answer.get(30, TimeUnit.SECONDS).getInt("retCode");
                assertTrue(retCode == 200 || retCode == 480, "forwarded or offline, got " + retCode);
            }

            assertEquals(480, untilUnreachable(alice, device), "the overflowed connection is gone while its client still stalls");
            assertEquals(0, queuedFrames(), "what overflowed was dropped, not buffered");
            reader.resume();
            assertTrue(reader.endsOrGoesSilent(), "after resuming, the client sees its connection end or go unanswered");
            if (reader.closed.isDone() && !reader.closed.isCompletedExceptionally()) { // else a reset, or a frame cut short
                int code = reader.closed.get();
                assertTrue(code == 1011 || code == 1006, "closed as a server error (1011), or ended without a close frame (1006): " + code);
            }
            assertTrue(reader.dataMessages.get() < FLOOD,
                    "what overflowed was dropped, not buffered: " + reader.dataMessages.get() + " of " + FLOOD + " arrived");
        }
    }

    @Test
    void aCloseThatCannotDrainIsForcedAfterOneHeartbeatTimeout() throws Exception {
        try (Party alice = Party.user(Fixtures.newUser())) {
            JsonObject device = claimedDevice(alice, "WXYZ4567");
            StalledReader reader = StalledReader.bind(device.getString("id"));
            reader.stall();
            long queued = 0;
            for (int batch = 0; batch < 30 && queued == 0; batch++) { // until the socket is full and frames wait
                for (int i = 0; i < 10; i++) {
                    assertEquals(200, alice.ws.call(big(device, i)).get(10, TimeUnit.SECONDS).getInt("retCode"));
                }
                queued = queuedFrames();
            }
            assertTrue(queued > 0 && queued < 64, "frames wait behind a write that cannot finish, below the overflow: " + queued);

            reader.heartbeating = false; // the heartbeat timeout closes it (4002), but its last frames can never be written
            assertEquals(480, untilUnreachable(alice, device), "the close is forced while its client still stalls");
        }
    }

    /** A new device with {@code code}, claimed by {@code owner}; its address. */
    private static JsonObject claimedDevice(Party owner, String code) {
        JsonObject device = Json.createObjectBuilder().add("type", "device").add("id", RelationshipIT.deviceWithCode(code)).build();
        JsonObject claimed = owner.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", device, code));
        assertEquals(200, claimed.getInt("retCode"), claimed.toString());
        return device;
    }

    private static JsonObjectBuilder big(JsonObject target, int n) {
        return Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                .add("targets", Json.createArrayBuilder().add(target))
                .add("body", Json.createObjectBuilder().add("op", "event").add("n", n).add("filler", FILLER));
    }

    /** Frames waiting for slow clients on the server. */
    private static long queuedFrames() throws Exception {
        return OperationsIT.gauge(OperationsIT.get("/metrics", "text/plain").body(), "irsp_connections_queued_frames");
    }

    /** Sends small DataMessages to {@code device} until one is not forwarded (bounded: 20 s); returns its retCode. */
    private static int untilUnreachable(Party sender, JsonObject device) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int retCode = 200;
        while (retCode == 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            retCode = sender.ws.call(Json.createObjectBuilder().add("type", "DataMessage")
                    .add("msgId", UUID.randomUUID().toString()).add("targets", Json.createArrayBuilder().add(device))
                    .add("body", Json.createObjectBuilder().add("op", "event"))).get(10, TimeUnit.SECONDS).getInt("retCode");
        }
        return retCode;
    }

    /** A device connection whose reading the test switches off; it keeps sending heartbeats. */
    private static final class StalledReader implements WebSocket.Listener {

        final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        final AtomicInteger dataMessages = new AtomicInteger();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile boolean reading = true;
        volatile boolean heartbeating = true;
        private volatile long lastReceived = System.nanoTime();
        private WebSocket ws;

        static StalledReader bind(String deviceId) throws Exception {
            IrspRest.Session session = Fixtures.rest().login("device", deviceId, "secret", Fixtures.SECRET);
            StalledReader r = new StalledReader();
            r.ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + session.token()).subprotocols(IrspSocket.SUBPROTOCOL)
                    .buildAsync(URI.create(IrspServer.uri().toString().replaceFirst("^http", "ws") + "/irsp/ws"), r).get(10, TimeUnit.SECONDS);
            r.send("ConnectionIdBindRequest", Json.createObjectBuilder().add("connId", session.connId()).build());
            JsonObject bind = r.frames.poll(10, TimeUnit.SECONDS);
            assertEquals(200, bind == null ? -1 : bind.getInt("retCode"), "bound: " + bind);
            Thread heartbeat = new Thread(() -> {
                while (r.heartbeating && !r.closed.isDone() && !r.ws.isOutputClosed()) {
                    r.send("Heartbeat", JsonObject.EMPTY_JSON_OBJECT);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "stalled-reader-heartbeat");
            heartbeat.setDaemon(true);
            heartbeat.start();
            return r;
        }

        synchronized void send(String type, JsonObject body) {
            ws.sendText(Json.createObjectBuilder().add("type", type).add("msgId", UUID.randomUUID().toString())
                    .add("body", body).build().toString(), true).join();
        }

        /**
         * True once the connection ended, or once nothing at all arrived for 5 s while it kept sending
         * heartbeats: IRSP answers every heartbeat on a connection it still serves. Bounded: 60 s.
         */
        boolean endsOrGoesSilent() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (closed.isDone() || System.nanoTime() - lastReceived > TimeUnit.SECONDS.toNanos(5)) {
                    return true;
                }
                Thread.sleep(200);
            }
            return false;
        }

        void stall() {
            reading = false;
        }

        void resume() {
            reading = true;
            ws.request(1);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            lastReceived = System.nanoTime();
            if (last) {
                JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
                partial.setLength(0);
                if ("DataMessage".equals(frame.getString("type", ""))) {
                    dataMessages.incrementAndGet();
                } else {
                    frames.add(frame);
                }
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
