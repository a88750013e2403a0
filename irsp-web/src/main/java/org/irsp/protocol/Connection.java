package org.irsp.protocol;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
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
 *
 * Writes never block the caller: frames go out asynchronously, one at a time, in order, from a bounded
 * outbound queue. A client that lets the queue overflow is closed (1011); whatever it had in its offline
 * queue stays there for its next bind. A close requested after frames waits until they are written.
 */
public class Connection {

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());

    private final Session session;
    private final String token;
    private final long openedAt = System.nanoTime();
    private final TokenBucket bucket;
    private final Set<String> sentDeliveryIds = new HashSet<>();
    private final List<Runnable> heldUntilReady = new ArrayList<>();
    private final ArrayDeque<String> outbound = new ArrayDeque<>();
    private final int maxOutbound;
    private boolean writing;
    private CloseCode closeWhenDrained;
    private volatile long lastInbound = System.nanoTime();
    private volatile Bound bound;
    private volatile String presence = "online";
    private volatile String closeReason;
    private boolean ready;
    private boolean closed;

    public Connection(Session session, String token, TokenBucket bucket, int maxOutbound) {
        this.session = session;
        this.token = token;
        this.bucket = bucket;
        this.maxOutbound = maxOutbound;
    }

    /** Called for every inbound text frame: §8.5 liveness and the §6.9 token. */
    public boolean arrived() {
        lastInbound = System.nanoTime();
        return bucket.take();
    }

    public void send(String frame) {
        synchronized (this) {
            if (closed || closeWhenDrained != null) {
                return;
            }
            if (writing) {
                if (outbound.size() >= maxOutbound) {
                    outbound.clear();
                    closeWhenDrained = CloseCode.INTERNAL;
                    LOG.log(Level.WARNING, "outbound queue of {0} overflowed: closing it", id());
                    return;
                }
                outbound.add(frame);
                return;
            }
            writing = true;
        }
        write(frame);
    }

    private void write(String frame) {
        try {
            session.getAsyncRemote().sendText(frame, result -> written());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "send failed on {0}: {1}", new Object[] {id(), e.toString()});
            written();
        }
    }

    private void written() {
        String next;
        CloseCode close = null;
        synchronized (this) {
            next = outbound.poll();
            if (next == null) {
                writing = false;
                close = closeWhenDrained;
            }
        }
        if (next != null) {
            write(next);
        } else if (close != null) {
            closeNow(close);
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

    /** Closes once the frames already queued are written. */
    public void close(CloseCode code, String reason) {
        boolean now;
        synchronized (this) {
            if (closed || closeWhenDrained != null) {
                return;
            }
            if (reason != null) {
                closeReason = reason;
            }
            closeWhenDrained = code;
            now = !writing;
        }
        if (now) {
            closeNow(code);
        }
    }

    private void closeNow(CloseCode code) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
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
