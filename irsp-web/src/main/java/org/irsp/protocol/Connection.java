package org.irsp.protocol;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.irsp.codes.CloseCode;
import org.irsp.session.boundary.Bound;

/**
 * One WebSocket on this node and what the protocol remembers of it: the bind, its presence, the token
 * bucket of §6.9, the time of the last inbound frame (§8.5), the offline-queue items already sent on it
 * (§6.7: never twice on one connection), and a gate that holds forwarded frames until the bind sequence
 * of §8.4 has run.
 */
public class Connection {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());

    private final Session session;
    private final String token;
    private final String remoteAddress;
    private final long openedAt = System.nanoTime();
    private final TokenBucket bucket;
    private final Set<String> sentDeliveryIds = new HashSet<>();
    private final List<Runnable> heldUntilReady = new ArrayList<>();
    private volatile long lastInbound = System.nanoTime();
    private volatile Bound bound;
    private volatile String presence = "online";
    private volatile String closeReason;
    private boolean ready;
    private boolean closed;

    public Connection(Session session, String token, String remoteAddress, TokenBucket bucket) {
        this.session = session;
        this.token = token;
        this.remoteAddress = remoteAddress;
        this.bucket = bucket;
    }

    /** Called for every inbound text frame: §8.5 liveness and the §6.9 token. */
    public boolean arrived() {
        lastInbound = System.nanoTime();
        return bucket.take();
    }

    public synchronized void send(String frame) {
        if (closed) {
            return;
        }
        try {
            session.getBasicRemote().sendText(frame);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "send failed on {0}: {1}", new Object[] {id(), e.toString()});
        }
    }

    /** Sends a queued item unless it already went out on this connection. */
    public synchronized boolean sendOnce(String deliveryId, String frame) {
        if (!sentDeliveryIds.add(deliveryId)) {
            return false;
        }
        send(frame);
        return true;
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

    public void close(CloseCode code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeReason = reason;
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), ""));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "close failed on {0}: {1}", new Object[] {id(), e.toString()});
        }
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

    public String remoteAddress() {
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
