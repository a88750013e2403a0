package org.irsp.protocol;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.irsp.codes.CloseCode;

/**
 * The frames going out on one WebSocket: written asynchronously, one at a time, in order, from a queue
 * of at most {@code irsp.ws.maxOutboundFrames}, so that a sender never blocks.
 *
 * A client that stops reading lets the queue overflow: its queued frames are dropped and it is marked
 * for a forced close (1011). A close decided while frames wait (heartbeat timeout, kick, logout) lets
 * them drain first. Forced closes are carried out by {@link #closeIfOverdue}, from the connection sweep:
 * never by the thread that was sending, which may hold another connection's lock while the close runs
 * the endpoint's close handling.
 */
final class Outbound {

    private static final Logger LOG = Logger.getLogger(Outbound.class.getName());

    private final Session session;
    private final int max;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean writing;
    private CloseCode closeWhenDrained;
    private long closingSince;
    private boolean overflowed;
    private boolean closed;

    Outbound(Session session, int max) {
        this.session = session;
        this.max = max;
    }

    void send(String frame) {
        synchronized (this) {
            if (closed || closeWhenDrained != null) {
                return;
            }
            if (writing) {
                if (queue.size() < max) {
                    queue.add(frame);
                } else {
                    queue.clear();
                    overflowed = true;
                    closeWhenDrained = CloseCode.INTERNAL;
                    LOG.log(Level.WARNING, "outbound queue of {0} overflowed: closing it", session.getId());
                }
                return;
            }
            writing = true;
        }
        write(frame);
    }

    private void write(String frame) {
        try {
            session.getAsyncRemote().sendText(frame, result -> written());
        } catch (IllegalStateException closedMeanwhile) {
            LOG.log(Level.FINE, "send failed on {0}: {1}", new Object[] {session.getId(), closedMeanwhile.toString()});
            written();
        } catch (RuntimeException | Error unwritable) {
            // the container could not encode this frame (an Error for unencodable text): drop it, keep the connection
            LOG.log(Level.SEVERE, "dropped a frame the container could not write on " + session.getId(), unwritable);
            written();
        }
    }

    private void written() {
        String next;
        CloseCode close = null;
        synchronized (this) {
            next = queue.poll();
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

    /**
     * Closes once the frames already queued are written. {@code decided} runs, under this queue's lock,
     * only if this is the first close decided.
     */
    void close(CloseCode code, Runnable decided) {
        boolean now;
        synchronized (this) {
            if (closed || closeWhenDrained != null) {
                return;
            }
            decided.run();
            closeWhenDrained = code;
            closingSince = System.nanoTime();
            now = !writing;
        }
        if (now) {
            closeNow(code);
        }
    }

    /** Carries out a close that overflowed, or that has waited {@code drainNanos} for its frames to drain. */
    void closeIfOverdue(long drainNanos) {
        CloseCode code;
        synchronized (this) {
            if (closed || closeWhenDrained == null || !overflowed && System.nanoTime() - closingSince < drainNanos) {
                return;
            }
            queue.clear();
            code = closeWhenDrained;
        }
        if (!overflowed) {
            LOG.log(Level.WARNING, "{0} did not drain its last frames: closing it now", session.getId());
        }
        closeNow(code);
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
            LOG.log(Level.FINE, "close failed on {0}: {1}", new Object[] {session.getId(), e.toString()});
        }
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized boolean isClosing() {
        return closed || closeWhenDrained != null;
    }
}
