package org.irsp.client.p2p;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.irsp.client.IrspSocket;
import org.irsp.client.Wire;
import java.net.InetSocketAddress;

/**
 * What the application gets from a P2P connection, whichever path was chosen: message-oriented, best
 * effort, in order as far as the path keeps it. On the {@code direct} path each message is one sealed
 * UDP datagram (keep it under ~1200 bytes to avoid fragmentation); on {@code relay} it is a DataMessage
 * through the IRSP with {@code body.p2p = {requestId, data}}. Messages arriving on either path are
 * received, so the two sides need not have chosen the same one.
 */
public final class P2pChannel implements AutoCloseable {

    public static final int MAX_RELAY_BYTES = 40_000;

    private final String requestId;
    private final String role;
    private final IrspSocket ws;
    private final LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private volatile JsonObject peer;
    private volatile DirectPath direct;
    private volatile Runnable onClose = () -> {};

    P2pChannel(String requestId, String role, IrspSocket ws, JsonObject peer) {
        this.requestId = requestId;
        this.role = role;
        this.ws = ws;
        this.peer = peer;
    }

    /** {@code direct} or {@code relay}. */
    public String path() {
        return direct != null ? "direct" : "relay";
    }

    public String requestId() {
        return requestId;
    }

    /** The round trip of the probe exchange that fixed the direct path, or -1 on relay. */
    public long rttMs() {
        return direct != null ? direct.rttMs() : -1;
    }

    /** The peer's address on the direct path, or null on relay. */
    public InetSocketAddress directAddress() {
        return direct != null ? direct.address() : null;
    }

    public void send(byte[] data) {
        DirectPath d = direct;
        if (d != null) {
            d.send(data);
            return;
        }
        if (data.length > MAX_RELAY_BYTES) {
            throw new IllegalArgumentException("at most " + MAX_RELAY_BYTES + " bytes per relayed message");
        }
        // a device peer needs the control right from the requester (what P2P was checked for); the
        // responder answers with events, which its relationship to the requester allows
        JsonObjectBuilder body = Wire.JSON.createObjectBuilder().add("op", role.equals("requester") ? "control" : "event")
                .add("p2p", Wire.JSON.createObjectBuilder().add("requestId", requestId)
                        .add("data", Base64.getUrlEncoder().withoutPadding().encodeToString(data)));
        ws.call(Wire.JSON.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                .add("targets", Wire.JSON.createArrayBuilder().add(peer)).add("body", body));
    }

    /** The next message from the peer, or null after {@code timeout}. */
    public byte[] receive(Duration timeout) {
        try {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    void received(byte[] data) {
        received.add(data);
    }

    /** A relayed message: also tells which connection of a user peer is on the other end. */
    void relayed(JsonObject dataMessage) {
        JsonObject source = dataMessage.getJsonObject("source");
        if (source != null && source.containsKey("connId")) {
            peer = Wire.JSON.createObjectBuilder().add("type", source.getString("type")).add("id", source.getString("id"))
                    .add("connId", source.getString("connId")).build();
        }
        received(Base64.getUrlDecoder().decode(dataMessage.getJsonObject("body").getJsonObject("p2p").getString("data")));
    }

    void direct(DirectPath path) {
        this.direct = path;
    }

    void onClose(Runnable onClose) {
        this.onClose = onClose;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
