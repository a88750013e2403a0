package org.irsp.client.p2p;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.irsp.client.IrspSocket;
import org.irsp.client.Wire;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import java.util.concurrent.ThreadFactory;

/**
 * P2P connections (PROTOCOL §12) over a bound {@link IrspSocket}: gathers candidates (host addresses and
 * the AddrProbe answer), signals through the IRSP, probes for a direct UDP path for
 * {@code p2pTimeout}, and falls back to relay through the IRSP; either way the application gets one
 * {@link P2pChannel}, and the outcome is reported with P2PStatusReport.
 */
public final class P2p implements AutoCloseable {

    private final IrspSocket ws;
    private final String connId;
    private final String token;
    private final InetSocketAddress probeServer;
    private final P2pSettings settings;
    private final Map<String, P2pChannel> channels = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newCachedThreadPool(daemon("irsp-p2p"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("irsp-p2p-keepalive"));
    private volatile Predicate<P2pOffer> decide = offer -> false;
    private volatile Consumer<P2pChannel> accepted = channel -> {};

    /** @param probeServer the IRSP's AddrProbe service (its host, {@code irsp.nat.probePort}) */
    public P2p(IrspSocket ws, String connId, String token, InetSocketAddress probeServer, P2pSettings settings) {
        this.ws = ws;
        this.connId = connId;
        this.token = token;
        this.probeServer = probeServer;
        this.settings = settings;
        ws.intercept(this::take);
    }

    /** Answers offers: {@code decide} says yes or no, {@code accepted} gets each channel once it has its path. */
    public P2p onOffer(Predicate<P2pOffer> decide, Consumer<P2pChannel> accepted) {
        this.decide = decide;
        this.accepted = accepted;
        return this;
    }

    /** Connects to {@code peer} (a user, optionally with connId, or a device). Fails with {@link P2pRefused}. */
    public CompletableFuture<P2pChannel> connect(JsonObject peer, String purpose) {
        return CompletableFuture.supplyAsync(() -> {
            DatagramSocket socket = udpSocket();
            try {
                JsonArrayBuilder candidates = gather(socket);
                JsonObject answer = ws.call(Wire.JSON.createObjectBuilder().add("type", "P2PConnectRequest")
                        .add("msgId", UUID.randomUUID().toString()).add("body", Wire.JSON.createObjectBuilder()
                                .add("peer", peer).add("purpose", purpose).add("candidates", candidates)))
                        .get(settings.answerWait().toMillis(), TimeUnit.MILLISECONDS);
                if (answer.getInt("retCode") != 200) {
                    throw new P2pRefused(answer.getInt("retCode"), answer.getString("reason", ""));
                }
                JsonObject body = answer.getJsonObject("body");
                P2pChannel channel = open(body.getString("requestId"), "requester", peer);
                return pathFor(channel, "requester", socket, body.getString("sessionKey"), candidates(body));
            } catch (P2pRefused e) {
                socket.close();
                throw e;
            } catch (Exception e) {
                socket.close();
                throw new IllegalStateException("P2P connect failed: " + e, e);
            }
        }, work);
    }

    private boolean take(JsonObject frame) {
        String type = frame.getString("type", "");
        if (type.equals("P2PConnectNotify")) {
            if (!ws.autoAcks()) {
                ws.ack(frame.getString("msgId"));
            }
            work.execute(() -> answer(frame.getJsonObject("body")));
            return true;
        }
        if (type.equals("DataMessage") && frame.get("body") instanceof JsonObject body
                && body.get("p2p") instanceof JsonObject p2p && channels.containsKey(p2p.getString("requestId", ""))) {
            channels.get(p2p.getString("requestId")).relayed(frame);
            return true;
        }
        return false;
    }

    private void answer(JsonObject notify) {
        String requestId = notify.getString("requestId");
        JsonObject from = notify.getJsonObject("from");
        if (!decide.test(new P2pOffer(requestId, from, notify.getString("purpose")))) {
            ws.call(response(requestId, false, null));
            return;
        }
        DatagramSocket socket = udpSocket();
        try {
            JsonArrayBuilder candidates = gather(socket);
            P2pChannel channel = open(requestId, "responder", from);
            JsonObject ack = ws.call(response(requestId, true, candidates)).get(10, TimeUnit.SECONDS);
            if (ack.getInt("retCode") != 200) {
                channel.close();
                socket.close();
                return;
            }
            accepted.accept(pathFor(channel, "responder", socket, notify.getString("sessionKey"), candidates(notify)));
        } catch (Exception e) {
            socket.close();
            channels.remove(requestId);
        }
    }

    /** The channel exists (and takes relayed messages) from the moment the requestId is known. */
    private P2pChannel open(String requestId, String role, JsonObject peer) {
        P2pChannel channel = new P2pChannel(requestId, role, ws, peer);
        channels.put(requestId, channel);
        return channel;
    }

    /** Probes for a direct path; relay if none within p2pTimeout. The UDP socket stays open either way. */
    private P2pChannel pathFor(P2pChannel channel, String role, DatagramSocket socket, String sessionKey,
            List<Candidate> peerCandidates) {
        if (!settings.tryDirect()) {
            socket.close();
            channel.onClose(() -> channels.remove(channel.requestId()));
        } else {
            DirectPath direct = new DirectPath(socket, channel.requestId(), sessionKey, role, peerCandidates);
            direct.onReceive(channel::received);
            channel.onClose(() -> {
                channels.remove(channel.requestId());
                direct.close();
            });
            if (direct.establish(settings.p2pTimeout()).isPresent()) {
                channel.direct(direct);
                direct.keepAlive(timer);
            }
        }
        var report = Wire.JSON.createObjectBuilder().add("requestId", channel.requestId()).add("path", channel.path());
        if (channel.rttMs() >= 0) {
            report.add("rttMs", channel.rttMs());
        }
        ws.call(Wire.JSON.createObjectBuilder().add("type", "P2PStatusReport").add("msgId", UUID.randomUUID().toString())
                .add("body", report));
        return channel;
    }

    /** Host candidates of {@code socket}, after asking the AddrProbe service so the IRSP can add the srflx one. */
    private JsonArrayBuilder gather(DatagramSocket socket) {
        if (!settings.tryDirect()) {
            return Wire.JSON.createArrayBuilder();
        }
        AddrProbeClient.probe(socket, probeServer, connId, token, Duration.ofSeconds(2));
        JsonArrayBuilder candidates = Wire.JSON.createArrayBuilder();
        HostCandidates.gather(socket.getLocalPort(), 6).forEach(c -> candidates.add(c.json()));
        return candidates;
    }

    private static List<Candidate> candidates(JsonObject body) {
        List<Candidate> list = new ArrayList<>();
        if (body.get("candidates") instanceof JsonArray array) {
            array.getValuesAs(JsonObject.class).forEach(c -> list.add(Candidate.of(c)));
        }
        return list;
    }

    private static JsonObjectBuilder response(String requestId, boolean accept, JsonArrayBuilder candidates) {
        var body = Wire.JSON.createObjectBuilder().add("requestId", requestId).add("accept", accept);
        if (candidates != null) {
            body.add("candidates", candidates);
        }
        return Wire.JSON.createObjectBuilder().add("type", "P2PConnectResponse").add("msgId", UUID.randomUUID().toString())
                .add("body", body);
    }

    private static DatagramSocket udpSocket() {
        try {
            return new DatagramSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        channels.values().forEach(P2pChannel::close);
        work.shutdownNow();
        timer.shutdownNow();
    }
}
