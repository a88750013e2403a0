package org.irsp.protocol;

import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.irsp.nat.entity.Candidate;
import org.irsp.session.boundary.Bound;
import org.irsp.telemetry.control.Meters;

/**
 * One WebSocket on this node and what the protocol remembers of it: the bind, its presence, the token
 * bucket of §6.9, the time of the last inbound frame (§8.5), the offline-queue items already sent on it
 * (§6.7: never twice on one connection), and a gate that holds forwarded frames until the bind sequence
 * of §8.4 has run.
 *
 * Writes never block the caller: they go through the connection's {@link Outbound} queue. A client that
 * lets it overflow is closed (1011); whatever it had in its offline queue stays there for its next bind.
 */
public class Connection {

    private final Session session;
    private final String token;
    private final Candidate remoteAddress;
    private final long openedAt = System.nanoTime();
    private final TokenBucket bucket;
    private final Set<String> sentDeliveryIds = new HashSet<>();
    private final List<Runnable> heldUntilReady = new ArrayList<>();
    private final Outbound outbound;
    private volatile long lastInbound = System.nanoTime();
    private volatile Bound bound;
    private volatile String presence = "online";
    private volatile String closeReason;
    private boolean ready;

    public Connection(Session session, String token, Candidate remoteAddress, TokenBucket bucket, int maxOutbound, Meters meters) {
        this.session = session;
        this.token = token;
        this.remoteAddress = remoteAddress;
        this.bucket = bucket;
        this.outbound = new Outbound(session, maxOutbound, meters);
    }

    /** Called for every inbound text frame: §8.5 liveness and the §6.9 token. */
    public boolean arrived() {
        lastInbound = System.nanoTime();
        return bucket.take();
    }

    public void send(String frame) {
        outbound.send(frame);
    }

    /** Sends a queued item unless it already went out on this connection. */
    public boolean sendOnce(String deliveryId, String frame) {
        if (!firstSend(deliveryId)) {
            return false;
        }
        send(frame);
        return true;
    }

    /** An offline-queue item for the bind's backlog: its delivery ID and, made only when it is its turn, its frame. */
    public record Backlogged(String deliveryId, Supplier<String> frame) {}

    /**
     * §8.4 steps 5–6: streams the items not yet sent on this connection, each written before the next is
     * made, then releases the frames held for the bind. The items still unsent when the connection closes
     * stay in the offline queue.
     */
    public void streamThenReady(Iterator<Backlogged> items) {
        outbound.stream(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public String next() {
                Backlogged item = items.next();
                return firstSend(item.deliveryId()) ? item.frame().get() : null;
            }
        }, this::markReady);
    }

    private synchronized boolean firstSend(String deliveryId) {
        return sentDeliveryIds.add(deliveryId);
    }

    /** Runs {@code delivery} now if the bind sequence is over, else right after it. */
    public synchronized void whenReady(Runnable delivery) {
        if (ready) {
            delivery.run();
        } else {
            heldUntilReady.add(delivery);
        }
    }

    public synchronized void markReady() {
        ready = true;
        heldUntilReady.forEach(Runnable::run);
        heldUntilReady.clear();
    }

    /** Closes once the frames already queued are written; {@code reason} is kept if this is the first close. */
    public void close(CloseCode code, String reason) {
        outbound.close(code, () -> {
            if (reason != null) {
                closeReason = reason;
            }
        });
    }

    /** Carries out a close that overflowed, or that waited {@code drainNanos} for its frames: its client stopped reading. */
    public void closeIfOverdue(long drainNanos) {
        outbound.closeIfOverdue(drainNanos);
    }

    /** Frames waiting behind the one being written. */
    public int queuedFrames() {
        return outbound.queued();
    }

    /** Closed, or closing once its queued frames are written. */
    public boolean isClosing() {
        return outbound.isClosing();
    }

    public String id() {
        return session.getId();
    }

    public Bound bound() {
        return bound;
    }

    public void bound(Bound bound) {
        this.bound = bound;
    }

    public boolean isBound() {
        return bound != null;
    }

    public String token() {
        return token;
    }

    /** Where the WebSocket comes from, as a TCP server-reflexive candidate (§12.3); null if unknown. */
    public Candidate remoteAddress() {
        return remoteAddress;
    }

    public String presence() {
        return presence;
    }

    public void presence(String presence) {
        this.presence = presence;
    }

    public long openedAtNanos() {
        return openedAt;
    }

    public long lastInboundNanos() {
        return lastInbound;
    }

    /** The OfflineNotify reason chosen by whoever closed this connection, if the IRSP did. */
    public String closeReason() {
        return closeReason;
    }

    public void closeReason(String reason) {
        this.closeReason = reason;
    }
}
