package org.irsp.protocol;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tyrus re-arms a session's idle timer on every frame in and out by scheduling a task on the
 * container's managed scheduled executor, and each schedule captures the thread's context: Payara looks
 * up thread-context providers with a {@link java.util.ServiceLoader} over every jar of the application
 * (52 of them). That was the largest single cost per frame (docs/BENCHMARKS.md). IRSP ends silent
 * connections itself (§8.5 heartbeat timeout, the bind window), so each session is given a plain
 * scheduler whose one thread comes from the container's {@link ManagedThreadFactory} (context captured
 * once, for the thread), and an idle timeout that only backs IRSP's own up. Should a Tyrus version not
 * have the field this sets, the session keeps the container's scheduler and everything still works.
 */
@ApplicationScoped
public class IdleTimers {

    private static final Logger LOG = Logger.getLogger(IdleTimers.class.getName());
    /** Far beyond any heartbeat: Tyrus would close with 1006, so IRSP's 4002 and 4408 must always come first. */
    static final Duration BACKSTOP = Duration.ofHours(24);

    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor scheduler;
    private volatile boolean unsupported;

    @PostConstruct
    void start() {
        scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true); // a re-armed timer leaves no cancelled task behind
        scheduler.prestartAllCoreThreads();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** Gives the session this scheduler for its idle timer; call before the session's first frame. */
    public void adopt(Session session) {
        if (unsupported) {
            return;
        }
        try {
            Field service = session.getClass().getDeclaredField("service");
            if (!ScheduledExecutorService.class.isAssignableFrom(service.getType())) {
                throw new NoSuchFieldException("service is a " + service.getType());
            }
            service.setAccessible(true);
            service.set(session, scheduler);
            session.setMaxIdleTimeout(BACKSTOP.toMillis());
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsupported = true;
            LOG.log(Level.INFO, "WebSocket sessions keep the container''s scheduler for their idle timer ({0})", e.toString());
        }
    }
}
