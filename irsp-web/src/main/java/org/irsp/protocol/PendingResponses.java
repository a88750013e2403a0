package org.irsp.protocol;

import org.eclipse.microprofile.metrics.MetricRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.RetCode;
import org.irsp.registration.entity.EntityRef;
import java.time.Duration;

/**
 * DataMessages awaiting a DataMessageResponse (§11.2–11.3), keyed by (addressed entity, sender entity,
 * msgId): the first response wins; silence past {@code irsp.msg.responseTimeoutSeconds} gets 408; a
 * message whose every connection closed first gets 480. Node-local (the seam for a cluster cache).
 */
@ApplicationScoped
public class PendingResponses {

    private static final Logger LOG = Logger.getLogger(PendingResponses.class.getName());

    /** @param irspSource the 408/480 comes from the IRSP (single target) rather than from the target (multi) */
    public record Pending(EntityRef sender, String senderConnId, String msgId, JsonObject targetAddress,
            Set<String> forwardedTo, long deadlineNanos, boolean irspSource, long sentNanos) {}

    @Inject
    @ConfigProperty(name = "irsp.msg.responseTimeoutSeconds", defaultValue = "30")
    long timeoutSeconds;

    @Inject ResponseRouter router;
    @Inject MetricRegistry metrics;
    @Resource ManagedScheduledExecutorService scheduler;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        sweep = scheduler.scheduleWithFixedDelay(this::timeOut, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweep.cancel(false);
    }

    static String key(EntityRef addressed, EntityRef sender, String msgId) {
        return addressed.key() + "|" + sender.key() + "|" + msgId;
    }

    /** Awaits a response from {@code addressed}; {@code forwardedTo} empty means stored (no 408, only its TTL). */
    public void await(EntityRef addressed, EntityRef sender, String senderConnId, String msgId, JsonObject targetAddress,
            Set<String> forwardedTo, boolean irspSource, long ttlSeconds) {
        long wait = forwardedTo.isEmpty() ? ttlSeconds : timeoutSeconds;
        Set<String> connections = ConcurrentHashMap.newKeySet();
        connections.addAll(forwardedTo);
        pending.put(key(addressed, sender, msgId), new Pending(sender, senderConnId, msgId, targetAddress, connections,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(wait), irspSource, System.nanoTime()));
    }

    /** The pending message a response answers, removed: only the first response is relayed. */
    public Optional<Pending> answer(EntityRef responder, EntityRef sender, String respTo) {
        Optional<Pending> answered = Optional.ofNullable(pending.remove(key(responder, sender, respTo)));
        answered.ifPresent(p -> metrics.timer("irsp.response.latency")
                .update(Duration.ofNanos(System.nanoTime() - p.sentNanos())));
        return answered;
    }

    /** A connection closed: messages that went only to closed connections fail with 480 (§11.2). */
    public void closed(EntityRef entity, String connId) {
        pending.forEach((k, p) -> {
            if (k.startsWith(entity.key() + "|") && p.forwardedTo().remove(connId) && p.forwardedTo().isEmpty()
                    && pending.remove(k, p)) {
                router.fail(p, RetCode.OFFLINE);
            }
        });
    }

    private void timeOut() {
        try {
            long now = System.nanoTime();
            pending.forEach((k, p) -> {
                if (now - p.deadlineNanos() > 0 && pending.remove(k, p)) {
                    if (!p.forwardedTo().isEmpty()) {
                        router.fail(p, RetCode.TIMEOUT);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "response timeout sweep failed", e);
        }
    }
}
