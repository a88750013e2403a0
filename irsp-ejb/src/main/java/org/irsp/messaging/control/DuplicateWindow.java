package org.irsp.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.cluster.control.Grid;

/**
 * §6.6: the msgIds an entity sent in the last {@code irsp.msg.dedupWindowSeconds}, across all its
 * connections, at most {@code irsp.msg.dedupMaxPerEntity} per entity, each with its first outcome
 * (absent while still pending). Each node keeps the msgIds it saw ({@link SentIds}); in a cluster every
 * claim and outcome is also entered in the data grid's map {@value #MAP} (one entry per entity and msgId,
 * keyed by the msgId's {@link SentIds#digest digest}, leaving by itself after the window), so a msgId repeated
 * through another node, or through a surviving node after the first one was lost, is answered as a duplicate
 * there too. A msgId a node's window pushes out for a newer one leaves the grid too, so the grid holds at most
 * {@code irsp.msg.dedupMaxPerEntity} of an entity's msgIds per node it sent through.
 */
@ApplicationScoped
public class DuplicateWindow {

    /**
     * The first reply to a msgId; {@code type} null while it is pending. {@code body} is what the replay
     * repeats, null for none: as the codec wrote it (a JSON object) when the binding settled the msgId, or
     * the typed answer for the codec to write (a P2PAnswer) when the business layer did.
     */
    public record Outcome(String type, int retCode, Object body, long atMillis) {
        public boolean pending() {
            return type == null;
        }
    }

    @Inject
    @ConfigProperty(name = "irsp.msg.dedupWindowSeconds", defaultValue = "86400")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "irsp.msg.dedupMaxPerEntity", defaultValue = "4096")
    int maxPerEntity;

    @Resource
    ManagedScheduledExecutorService scheduler;

    static final String MAP = "irsp.msgids";
    private static final String PENDING = "";

    @Inject Grid grid;

    private final Map<String, SentIds> byEntity = new ConcurrentHashMap<>();
    private ScheduledFuture<?> pruning;

    @PostConstruct
    void schedulePruning() {
        pruning = scheduler.scheduleWithFixedDelay(this::prune, 10, 10, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stopPruning() {
        pruning.cancel(false);
    }

    /** Forgets msgIds older than the window, and entities with none left. */
    void prune() {
        long cutoff = System.currentTimeMillis() - windowSeconds * 1000;
        byEntity.forEach((entity, seen) -> {
            synchronized (seen) {
                if (seen.prune(cutoff)) {
                    byEntity.remove(entity, seen);
                }
            }
        });
    }

    /** Records {@code msgId} as pending, or returns the earlier outcome if it was seen in the window. */
    public Optional<Outcome> claim(String entityKey, String msgId) {
        Optional<Outcome> here = claimHere(entityKey, msgId);
        if (here.isPresent() || !grid.isOn()) {
            return here;
        }
        String elsewhere = grid.putIfAbsentExpiring(MAP, gridKey(entityKey, msgId), PENDING, windowSeconds);
        if (elsewhere == null) {
            return here;
        }
        releaseHere(entityKey, msgId); // claimed through another node: this node keeps no claim of its own
        return Optional.of(OutcomeText.read(elsewhere));
    }

    private Optional<Outcome> claimHere(String entityKey, String msgId) {
        long now = System.currentTimeMillis();
        while (true) {
            SentIds seen = byEntity.computeIfAbsent(entityKey, k -> new SentIds(maxPerEntity, pushedOut(k)));
            synchronized (seen) {
                if (byEntity.get(entityKey) != seen) {
                    continue; // pruned meanwhile: use the entity's new one
                }
                return Optional.ofNullable(seen.claim(msgId, now, now - windowSeconds * 1000));
            }
        }
    }

    /** Forgets a pending claim whose processing failed, so that a redelivery is not a duplicate. */
    public void release(String entityKey, String msgId) {
        releaseHere(entityKey, msgId);
        if (grid.isOn()) {
            grid.remove(MAP, gridKey(entityKey, msgId));
        }
    }

    private void releaseHere(String entityKey, String msgId) {
        SentIds seen = byEntity.get(entityKey);
        if (seen != null) {
            synchronized (seen) {
                seen.release(msgId);
            }
        }
    }

    public void settle(String entityKey, String msgId, String type, int retCode, Object body) {
        SentIds seen = byEntity.get(entityKey);
        if (seen != null) {
            synchronized (seen) {
                seen.settle(msgId, type, retCode, body);
            }
        }
        if (grid.isOn()) {
            // not waited for: the reply that follows reaches the client long before it could repeat the msgId elsewhere
            grid.setExpiringLater(MAP, gridKey(entityKey, msgId), OutcomeText.write(type, retCode, body, System.currentTimeMillis()), windowSeconds);
        }
    }

    private static String gridKey(String entityKey, String msgId) {
        return keyOf(entityKey, SentIds.digest(msgId));
    }

    private static String keyOf(String entityKey, String digest) {
        return entityKey + "|" + digest;
    }

    /** What is done with a msgId the entity's window here pushed out: in a cluster it leaves the grid too. */
    private Consumer<String> pushedOut(String entityKey) {
        return grid.isOn() ? digest -> grid.removeLater(MAP, keyOf(entityKey, digest)) : digest -> { };
    }
}
