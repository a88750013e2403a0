package org.irsp.protocol;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.irsp.codes.JsonInput;
import org.irsp.telemetry.control.Meters;

/**
 * The frames going out on one WebSocket: written asynchronously, one at a time, in order, from a queue
 * of at most {@code irsp.ws.maxOutboundFrames}, so that a sender never blocks.
 *
 * A backlog (a bind's offline queue, §8.4 step 5) is streamed: the next of its frames is taken only when
 * everything queued before it is written, so a deep backlog never fills the queue, and what was sent
 * meanwhile (a reply to the client's own frame) goes out between two of its frames.
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
    private Iterator<String> backlog;
    private Runnable backlogDone;

    private final Meters meters;

    Outbound(Session session, int max, Meters meters) {
        this.session = session;
        this.max = max;
        this.meters = meters;
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

    /**
     * Writes {@code frame} and whatever follows it. A write the container completes at once (its callback
     * runs inside {@code sendText}) is followed by the next in this loop, not by a nested call: a deep
     * backlog on a connection that fails every write must not exhaust the stack.
     */
    private void write(String frame) {
        for (String next = frame; next != null; next = advance()) {
            AtomicInteger turn = new AtomicInteger();
            Runnable completed = () -> {
                if (turn.getAndIncrement() == 1) {
                    write(advance()); // completed later, on the container's thread: it carries on
                }
            };
            send(next, completed);
            if (turn.getAndIncrement() == 0) {
                return; // not completed yet: its callback carries on
            }
        }
    }

    private void send(String frame, Runnable completed) {
        try {
            session.getAsyncRemote().sendText(frame, result -> completed.run());
            meters.frameSent(JsonInput.utf8Length(frame));
        } catch (IllegalStateException closedMeanwhile) {
            LOG.log(Level.FINE, "send failed on {0}: {1}", new Object[] {session.getId(), closedMeanwhile.toString()});
            completed.run();
        } catch (RuntimeException | Error unwritable) {
            // the container could not encode this frame (an Error for unencodable text): drop it, keep the connection
            LOG.log(Level.SEVERE, "dropped a frame the container could not write on " + session.getId(), unwritable);
            completed.run();
        }
    }

    /**
     * Streams {@code frames} after what is queued now, one at a time; {@code done} runs once the last is
     * written (or at once if the connection closed), on the writing thread. One backlog at a time.
     */
    void stream(Iterator<String> frames, Runnable done) {
        boolean accepted = false;
        boolean idle = false;
        synchronized (this) {
            if (!closed && closeWhenDrained == null) {
                backlog = frames;
                backlogDone = done;
                accepted = true;
                idle = !writing;
                writing = true;
            }
        }
        if (!accepted) {
            done.run();
        } else if (idle) {
            write(advance());
        }
    }

    /** The next frame to write after one was written, or null when there is none (then a decided close is carried out). */
    private String advance() {
        while (true) {
            String next;
            Iterator<String> source = null;
            boolean endBacklog = false;
            CloseCode close = null;
            synchronized (this) {
                next = queue.poll();
                if (next == null && backlog != null) {
                    if (closed || closeWhenDrained != null) {
                        endBacklog = true; // what it still holds stays in the offline queue for the next bind
                    } else {
                        source = backlog;
                    }
                } else if (next == null) {
                    writing = false;
                    close = closeWhenDrained;
                }
            }
            if (source != null) {
                next = pull(source);
                endBacklog = next == null;
            }
            if (endBacklog) {
                endBacklog();
                continue; // whatever the backlog held back may now be queued
            }
            if (next == null && close != null) {
                closeNow(close);
            }
            return next;
        }
    }

    /** The backlog's next frame, or null at its end; a frame that cannot be made is skipped. */
    private String pull(Iterator<String> source) {
        while (source.hasNext()) {
            try {
                String frame = source.next();
                if (frame != null) {
                    return frame;
                }
            } catch (RuntimeException unusable) {
                LOG.log(Level.SEVERE, "skipped a backlog frame that could not be made for " + session.getId(), unusable);
            }
        }
        return null;
    }

    private void endBacklog() {
        Runnable done;
        synchronized (this) {
            done = backlogDone;
            backlog = null;
            backlogDone = null;
        }
        if (done != null) {
            done.run();
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
