package org.irsp.protocol;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes Tyrus's idle timer out of IRSP's sessions; IRSP ends silent connections itself (§8.5 heartbeat
 * timeout, the bind window).
 *
 * <p>Tyrus re-arms a session's idle timer on every frame in and out by scheduling a task on the
 * container's managed scheduled executor, and each schedule captures the thread's context: Payara looks
 * up thread-context providers with a {@link java.util.ServiceLoader} over every jar of the application.
 * That was the largest single cost per frame (docs/BENCHMARKS.md). Each session is therefore given a
 * scheduler that accepts and never runs anything, and an idle timeout of 0 (none).
 *
 * <p>The timeout must not be positive: the session's constructor already scheduled one idle check on the
 * container's executor, which closes the session if, when it runs, the timeout is positive. A positive
 * timeout set here (a 24 h "backstop" once) let that check, delayed under load, close a fresh connection
 * before its bind was answered, with 1006, which Tyrus sends as 1000. Should a Tyrus version not have the
 * field this sets, the session keeps the container's scheduler and no idle timeout, and works the same.
 */
@ApplicationScoped
public class IdleTimers {

    private static final Logger LOG = Logger.getLogger(IdleTimers.class.getName());

    private final ScheduledExecutorService inert = new Inert();
    private volatile boolean unsupported;

    /** Call before the session's first frame. */
    public void adopt(Session session) {
        if (!unsupported) {
            try {
                Field service = session.getClass().getDeclaredField("service");
                if (!ScheduledExecutorService.class.isAssignableFrom(service.getType())) {
                    throw new NoSuchFieldException("service is a " + service.getType());
                }
                service.setAccessible(true);
                service.set(session, inert);
            } catch (ReflectiveOperationException | RuntimeException e) {
                unsupported = true;
                LOG.log(Level.INFO, "WebSocket sessions keep the container''s scheduler for their idle timer ({0})", e.toString());
            }
        }
        session.setMaxIdleTimeout(0);
    }

    /** Accepts what Tyrus schedules and never runs it: nothing Tyrus schedules on a server session is wanted. */
    static final class Inert extends AbstractExecutorService implements ScheduledExecutorService {

        private static final ScheduledFuture<Object> NEVER = new Never();

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return NEVER;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return (ScheduledFuture<V>) NEVER;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return NEVER;
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return NEVER;
        }

        @Override
        public void execute(Runnable command) {
            throw new RejectedExecutionException("IRSP's WebSocket sessions run nothing on Tyrus's scheduler");
        }

        @Override
        public void shutdown() {
            // nothing runs, nothing to stop
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }

    /** A task that is never run: cancelling it always succeeds. */
    private static final class Never implements ScheduledFuture<Object> {

        @Override
        public long getDelay(TimeUnit unit) {
            return Long.MAX_VALUE;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return true;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            throw new CancellationException("never run");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new CancellationException("never run");
        }
    }
}
