package org.irsp.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket to IRSP speaking {@code igrs-ra.v1.json}. Received frames queue up for {@link #next}
 * (the newest 10,000; an application that wants every frame sets {@link #onFrame}); with auto-Ack on, frames that need an Ack (§6.7) are acked as they arrive (with {@code deliveryId}
 * when they carry one).
 */
public class IrspSocket implements WebSocket.Listener, AutoCloseable {

    public static final String SUBPROTOCOL = "igrs-ra.v1.json";

    private final Inbox inbox = new Inbox(Inbox.CAPACITY);
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean autoAck;
    private final Map<String, CompletableFuture<JsonObject>> calls = new ConcurrentHashMap<>();
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    private volatile Consumer<JsonObject> handler;
    private final List<Predicate<JsonObject>> takers = new CopyOnWriteArrayList<>();
    private volatile long lastSent = System.nanoTime();
    private ScheduledExecutorService heartbeats;
    private WebSocket ws;

    /** Opens {@code ws://host:port/irsp/ws}; {@code token} may be null, {@code subprotocol} null offers none. */
    public static IrspSocket open(URI server, String token, String subprotocol) {
        return open(server, "", token, subprotocol, Map.of());
    }

    /**
     * Opens {@code ws://host:port/irsp/ws} + {@code query} (e.g. {@code ?token=…} for browsers) with extra
     * handshake headers (e.g. Origin).
     */
    public static IrspSocket open(URI server, String query, String token, String subprotocol,
            Map<String, String> headers) {
        return open(server, query, token, subprotocol, headers, null);
    }

    /** The same over {@code wss://} (an {@code https://} server) with {@code tls} trusting its certificate; null: the default. */
    public static IrspSocket open(URI server, String query, String token, String subprotocol,
            Map<String, String> headers, SSLContext tls) {
        IrspSocket s = new IrspSocket();
        URI uri = URI.create(server.toString().replaceFirst("^http", "ws") + "/irsp/ws" + query);
        HttpClient.Builder client = HttpClient.newBuilder();
        if (tls != null) {
            client.sslContext(tls);
        }
        WebSocket.Builder b = client.build().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (subprotocol != null) {
            b.subprotocols(subprotocol);
        }
        s.ws = b.buildAsync(uri, s).join();
        return s;
    }

    public static IrspSocket open(URI server, String token) {
        return open(server, token, SUBPROTOCOL);
    }

    /** Opens a socket to the first of a cluster's nodes that accepts one (a session binds through any node). */
    public static IrspSocket open(List<URI> servers, String token) {
        RuntimeException last = new IllegalArgumentException("no server");
        for (URI server : servers) {
            try {
                return open(server, token);
            } catch (CompletionException e) {
                last = e; // not reachable: the next node
            }
        }
        throw last;
    }

    public IrspSocket autoAck(boolean on) {
        this.autoAck = on;
        return this;
    }

    public String subprotocol() {
        return ws.getSubprotocol();
    }

    public synchronized void sendRaw(String text) {
        ws.sendText(text, true).join();
        lastSent = System.nanoTime();
    }

    /**
     * Sends a Heartbeat whenever nothing was sent for {@code interval} (§8.5: use the bind reply's
     * heartbeatSeconds); the HeartbeatAcks are dropped rather than queued.
     */
    public IrspSocket heartbeatEvery(Duration interval) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "irsp-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(100, interval.toMillis() / 4);
        heartbeats.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastSent >= interval.toNanos() && !ws.isOutputClosed()) {
                send("Heartbeat", JsonObject.EMPTY_JSON_OBJECT);
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
        return this;
    }

    public void sendBinary(byte[] data) {
        ws.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** Sends {@code type} with {@code body} and a fresh msgId, which it returns. */
    public String send(String type, JsonObject body) {
        String msgId = UUID.randomUUID().toString();
        send(Wire.JSON.createObjectBuilder().add("type", type).add("msgId", msgId).add("body", body));
        return msgId;
    }

    public void send(JsonObjectBuilder frame) {
        sendRaw(frame.build().toString());
    }

    /**
     * Sends a frame and returns the first frame answering it ({@code respTo} = its msgId): an Ack, a
     * DataMessageResponse, a MultiAck or a control response. Answers to calls are not queued for {@link #next}.
     */
    public CompletableFuture<JsonObject> call(JsonObjectBuilder frame) {
        JsonObject f = frame.build();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        calls.put(f.getString("msgId"), answer);
        sendRaw(f.toString());
        return answer;
    }

    /** Frames that answer no call go to {@code handler} instead of the {@link #next} queue. */
    public IrspSocket onFrame(Consumer<JsonObject> handler) {
        this.handler = handler;
        return this;
    }

    /**
     * Lets {@code taker} see every frame that answers no call, before {@link #onFrame} and {@link #next};
     * a frame it returns true for is its own. Runs on the receiving thread: it must not block.
     */
    public IrspSocket intercept(Predicate<JsonObject> taker) {
        takers.add(taker);
        return this;
    }

    public boolean autoAcks() {
        return autoAck;
    }

    /**
     * §11.5: delivery is at least once; a receiver drops an item it already had, keyed on source ID and
     * msgId (of the stored message for an OfflineMessageDelivery). True the first time.
     */
    public boolean firstDelivery(JsonObject frame) {
        JsonObject message = "OfflineMessageDelivery".equals(frame.getString("type", null))
                ? frame.getJsonObject("body").getJsonObject("message") : frame;
        String key = message.getJsonObject("source").getString("id", "irsp") + "\u0000" + message.getString("msgId");
        synchronized (seen) {
            return seen.add(key);
        }
    }

    public void ack(String respTo) {
        send(Wire.JSON.createObjectBuilder().add("type", "Ack").add("msgId", UUID.randomUUID().toString())
                .add("respTo", respTo).add("retCode", 200));
    }

    /** The next frame, or null after {@code timeout}. */
    public JsonObject next(Duration timeout) {
        return inbox.take(f -> true, timeout);
    }

    /** The next frame of {@code type}, or null after {@code timeout}; frames of other types stay queued. */
    public JsonObject next(String type, Duration timeout) {
        return inbox.take(f -> type.equals(f.getString("type", null)), timeout);
    }

    /**
     * Sends a request and waits for the frame answering it: null if none came within {@code timeout} or
     * the socket closed first. Frames that arrive meanwhile (a notification racing the answer) stay
     * queued for {@link #next}.
     */
    public JsonObject request(String type, JsonObject body, Duration timeout) {
        String msgId = UUID.randomUUID().toString();
        CompletableFuture<JsonObject> answer = call(Wire.JSON.createObjectBuilder().add("type", type).add("msgId", msgId).add("body", body));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } finally {
            calls.remove(msgId);
        }
    }

    /** Binds {@code connId} (§8.4) and returns the ConnectionIdBindResponse. */
    public JsonObject bind(String connId) {
        return request("ConnectionIdBindRequest", Wire.JSON.createObjectBuilder().add("connId", connId).build(),
                Duration.ofSeconds(10));
    }

    /** The close code once the IRSP closed the socket, or null if still open after {@code timeout}. */
    public Integer closeCode(Duration timeout) {
        try {
            return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject frame = Wire.JSON.createReader(new StringReader(partial.toString())).readObject();
            partial.setLength(0);
            if (autoAck && needsAck(frame)) {
                ack(frame.containsKey("deliveryId") ? frame.getString("deliveryId") : frame.getString("msgId"));
            }
            CompletableFuture<JsonObject> call = frame.containsKey("respTo") ? calls.remove(frame.getString("respTo")) : null;
            if (call != null) {
                call.complete(frame);
            } else if (takers.stream().anyMatch(t -> t.test(frame))) {
                // taken
            } else if (heartbeats != null && "HeartbeatAck".equals(frame.getString("type", null))) {
                // answered its purpose
            } else if (handler != null) {
                handler.accept(frame);
            } else {
                inbox.add(frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    private static boolean needsAck(JsonObject frame) {
        String type = frame.getString("type", "");
        return type.endsWith("Notify") || type.equals("OfflineMessageDelivery") || frame.containsKey("deliveryId");
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        calls.values().forEach(c -> c.completeExceptionally(new IllegalStateException("closed " + statusCode)));
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.complete(1006);
    }

    /** Drops the TCP connection without a close handshake, as a dying link would. */
    public void abort() {
        ws.abort();
    }

    @Override
    public void close() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        if (!ws.isOutputClosed()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
                closeCode(Duration.ofSeconds(2)); // the close handshake: the server has seen the close
            } catch (Exception e) {
                // the connection is going away in any case
            }
        }
        ws.abort();
    }
}
