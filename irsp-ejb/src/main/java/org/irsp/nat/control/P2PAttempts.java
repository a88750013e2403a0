package org.irsp.nat.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.RetCode;
import org.irsp.nat.entity.P2PAttempt;

/**
 * The P2P attempts of this node by requestId (§12.3). Once a second: a pending attempt past the answer
 * timeout gets its 408, and settled ones older than {@code irsp.nat.recordSeconds} (300) are forgotten.
 * Node-local: the seam for a cluster-wide cache.
 */
@ApplicationScoped
public class P2PAttempts {

    private static final Logger LOG = Logger.getLogger(P2PAttempts.class.getName());

    private final Map<String, P2PAttempt> byRequestId = new ConcurrentHashMap<>();

    @Inject Clock clock;
    @Inject P2PReplies replies;
    @Resource ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "irsp.nat.recordSeconds", defaultValue = "300")
    long recordSeconds;

    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweep.cancel(false);
    }

    public void add(P2PAttempt attempt) {
        byRequestId.put(attempt.requestId(), attempt);
    }

    public Optional<P2PAttempt> find(String requestId) {
        return Optional.ofNullable(byRequestId.get(requestId));
    }

    /** Attempts whose peer just lost its last notified connection (they answer 480). */
    public List<P2PAttempt> closed(String connId) {
        return byRequestId.values().stream().filter(a -> a.closed(connId, clock.instant())).toList();
    }

    private void sweep() {
        try {
            var now = clock.instant();
            Duration retention = Duration.ofSeconds(recordSeconds);
            for (P2PAttempt a : byRequestId.values()) {
                if (a.timeOut(now)) {
                    replies.send(a, RetCode.TIMEOUT, "the peer did not answer in time");
                } else if (a.forgettable(now, retention)) {
                    byRequestId.remove(a.requestId());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "P2P attempt sweep failed", e);
        }
    }
}
