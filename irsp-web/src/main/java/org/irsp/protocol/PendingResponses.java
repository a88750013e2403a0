package org.irsp.protocol;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.cluster.control.Grid;
import org.irsp.codes.RetCode;
import org.irsp.registration.entity.EntityRef;
import java.time.Duration;
import org.irsp.telemetry.control.Meters;

/**
 * DataMessages awaiting a DataMessageResponse (§11.2–11.3), keyed by (addressed entity, sender entity,
 * msgId): the first response wins; silence past {@code irsp.msg.responseTimeoutSeconds} gets 408; a
 * message whose every connection closed first gets 480. The node the message was sent through keeps it and
 * answers 408 and 480. In a cluster the response may come through any node: the message is also entered in
 * the data grid's map {@value #MAP} (sender's connId and send time), and whichever node takes it out of
 * that map first (a response, the timeout, the last connection's close) decides it. A connection's close
 * is told to every node (topic {@value #CLOSED_TOPIC}).
 */
@ApplicationScoped
public class PendingResponses {

    private static final Logger LOG = Logger.getLogger(PendingResponses.class.getName());
    static final String MAP = "irsp.pending";
    static final String CLOSED_TOPIC = "irsp.closed";

    /** @param irspSource the 408/480 comes from the IRSP (single target) rather than from the target (multi) */
    public record Pending(EntityRef sender, String senderConnId, String msgId, JsonObject targetAddress,
            Set<String> forwardedTo, long deadlineNanos, boolean irspSource, long sentNanos) {}

    @Inject
    @ConfigProperty(name = "irsp.msg.responseTimeoutSeconds", defaultValue = "30")
    long timeoutSeconds;

    @Inject ResponseRouter router;
    @Inject Meters meters;
    @Inject Grid grid;
    @Resource ManagedScheduledExecutorService scheduler;
    @Resource ManagedExecutorService executor;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** The cluster's map of pending messages; null on a single node. */
    private ConcurrentMap<String, String> shared;
    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        sweep = scheduler.scheduleWithFixedDelay(this::timeOut, 1, 1, TimeUnit.SECONDS);
        if (grid.isOn()) {
            shared = grid.map(MAP);
            grid.subscribe(CLOSED_TOPIC, m -> executor.execute(() -> closedHere(m.substring(m.indexOf(' ') + 1), m.substring(0, m.indexOf(' ')))));
        }
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
        String key = key(addressed, sender, msgId);
        if (shared != null) {
            grid.putExpiring(MAP, key, senderConnId + " " + System.currentTimeMillis(), wait + 60);
        }
        pending.put(key, new Pending(sender, senderConnId, msgId, targetAddress, connections,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(wait), irspSource, System.nanoTime()));
    }

    /** The pending message a response answers, taken: only the first response is relayed. */
    public Optional<Pending> answer(EntityRef responder, EntityRef sender, String respTo) {
        String key = key(responder, sender, respTo);
        Pending mine = pending.remove(key);
        if (shared == null) {
            Optional.ofNullable(mine).ifPresent(p -> latency(System.nanoTime() - p.sentNanos()));
            return Optional.ofNullable(mine);
        }
        String entry = shared.remove(key);
        if (entry == null) {
            return Optional.empty(); // answered, timed out or failed already, through some node
        }
        String[] f = entry.split(" ");
        latency(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - Long.parseLong(f[1])));
        return Optional.of(mine != null ? mine : new Pending(sender, f[0], respTo, null, Set.of(), 0, false, 0));
    }

    /** A connection closed: messages that went only to closed connections fail with 480 (§11.2), on every node. */
    public void closed(EntityRef entity, String connId) {
        if (shared == null) {
            closedHere(entity.key(), connId);
        } else {
            grid.broadcast(CLOSED_TOPIC, connId + " " + entity.key());
        }
    }

    private void closedHere(String entityKey, String connId) {
        pending.forEach((k, p) -> {
            if (k.startsWith(entityKey + "|") && p.forwardedTo().remove(connId) && p.forwardedTo().isEmpty()
                    && pending.remove(k, p) && taken(k)) {
                router.fail(p, RetCode.OFFLINE);
            }
        });
    }

    private void timeOut() {
        try {
            long now = System.nanoTime();
            pending.forEach((k, p) -> {
                if (now - p.deadlineNanos() > 0 && pending.remove(k, p) && taken(k) && !p.forwardedTo().isEmpty()) {
                    router.fail(p, RetCode.TIMEOUT);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "response timeout sweep failed", e);
        }
    }

    /** Whether this node decides a message it keeps: no other took it from the cluster's map first. */
    private boolean taken(String key) {
        return shared == null || shared.remove(key) != null;
    }

    private void latency(long nanos) {
        meters.responseLatency(nanos);
    }
}
