package org.irsp.nat.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.cluster.control.Grid;
import org.irsp.codes.RetCode;
import org.irsp.nat.entity.P2PAttempt;

/**
 * The P2P attempts (§12.3) by requestId. The node that took the request owns the attempt: once a second it
 * gives a pending one past the answer timeout its 408 and forgets settled ones older than
 * {@code irsp.nat.recordSeconds} (300), and it answers 480 when the peer's last notified connection closes.
 * In a cluster the attempt's state lives in grid map {@value #MAP} (text, changed by compare-and-replace),
 * so the peer may answer and either side report through any node, and every connection's close is told to
 * every node (topic {@value #CLOSED_TOPIC}); without the grid it lives in this JVM.
 */
@ApplicationScoped
public class P2PAttempts {

    private static final Logger LOG = Logger.getLogger(P2PAttempts.class.getName());
    static final String MAP = "irsp.p2p";
    static final String CLOSED_TOPIC = "irsp.p2p.closed";

    /** The attempts this node owns; in a cluster their state is the grid's and these copies only say which connections they concern. */
    private final Map<String, P2PAttempt> owned = new ConcurrentHashMap<>();

    @Inject Clock clock;
    @Inject P2PReplies replies;
    @Inject Grid grid;
    @Resource ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "irsp.nat.recordSeconds", defaultValue = "300")
    long recordSeconds;

    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        if (grid.isOn()) {
            grid.subscribe(CLOSED_TOPIC, connId -> scheduler.execute(() -> closedHere(connId)));
        }
    }

    @PreDestroy
    void stop() {
        sweep.cancel(false);
    }

    public void add(P2PAttempt attempt) {
        owned.put(attempt.requestId(), attempt);
        if (grid.isOn()) {
            grid.putExpiring(MAP, attempt.requestId(), P2PAttemptText.write(attempt), keepSeconds(attempt));
        }
    }

    /**
     * Applies {@code action} to the attempt and keeps what it changed; empty for an unknown requestId. An
     * exception from {@code action} leaves the attempt as it was. In a cluster {@code action} may run more
     * than once, each time on the attempt as another node just left it.
     */
    public <R> Optional<R> change(String requestId, Function<P2PAttempt, R> action) {
        if (!grid.isOn()) {
            P2PAttempt attempt = owned.get(requestId);
            if (attempt == null) {
                return Optional.empty();
            }
            synchronized (attempt) {
                return Optional.ofNullable(action.apply(attempt));
            }
        }
        Object[] result = new Object[1];
        P2PAttempt[] changed = new P2PAttempt[1];
        String after = grid.update(MAP, requestId, before -> {
            if (before == null) {
                return null;
            }
            changed[0] = P2PAttemptText.read(before);
            result[0] = action.apply(changed[0]);
            return P2PAttemptText.write(changed[0]);
        }, text -> keepSeconds(changed[0]));
        @SuppressWarnings("unchecked")
        R outcome = after == null ? null : (R) result[0];
        return Optional.ofNullable(outcome);
    }

    /** A connection closed: the attempts whose peer it was last reachable through answer 480, on whichever node owns them. */
    public void closed(String connId) {
        if (grid.isOn()) {
            grid.broadcast(CLOSED_TOPIC, connId);
        } else {
            closedHere(connId);
        }
    }

    private void closedHere(String connId) {
        Instant now = clock.instant();
        for (P2PAttempt mine : owned.values()) {
            if (!mine.concerns(connId)) {
                continue; // the notified connections only ever shrink: a copy that does not name it, never will
            }
            change(mine.requestId(), a -> a.closed(connId, now) ? a : null)
                    .ifPresent(a -> replies.send(a, RetCode.OFFLINE, "the peer disconnected before answering"));
        }
    }

    private void sweep() {
        try {
            Instant now = clock.instant();
            Duration retention = Duration.ofSeconds(recordSeconds);
            for (String requestId : owned.keySet()) {
                Optional<P2PAttempt> current = find(requestId);
                if (current.isEmpty() || current.get().forgettable(now, retention)) {
                    forget(requestId);
                } else if (current.get().due(now)) {
                    change(requestId, a -> a.timeOut(now) ? a : null)
                            .ifPresent(a -> replies.send(a, RetCode.TIMEOUT, "the peer did not answer in time"));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "P2P attempt sweep failed", e);
        }
    }

    /** The attempt as it is now (in a cluster a copy: change it only through {@link #change}). */
    private Optional<P2PAttempt> find(String requestId) {
        if (!grid.isOn()) {
            return Optional.ofNullable(owned.get(requestId));
        }
        String text = grid.map(MAP).get(requestId);
        return text == null ? Optional.empty() : Optional.of(P2PAttemptText.read(text));
    }

    private void forget(String requestId) {
        owned.remove(requestId);
        if (grid.isOn()) {
            grid.remove(MAP, requestId);
        }
    }

    /** How long the grid keeps an attempt whose owner is gone: until it could have been forgotten, and a minute. */
    private long keepSeconds(P2PAttempt attempt) {
        return Math.max(0, Duration.between(clock.instant(), attempt.answerDeadline()).toSeconds()) + recordSeconds + 60;
    }
}
