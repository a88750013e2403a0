package org.irsp.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.cluster.control.Grid;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.irsp.registration.entity.EntityRef;
import org.irsp.rights.entity.AccessChanged;

/**
 * What message routing needs to know per target, cached so that the online path reads no database per
 * message: whether an entity exists, whether a sender passes the §9.3 check for an op, and a sender's
 * group members. Any {@link AccessChanged} empties it once its transaction completes, on every node of a
 * cluster (a message on the data grid's topic {@value #TOPIC}, sent before the change is answered); a
 * generation counter keeps a read that raced with the change from caching stale data. Each node keeps its own.
 */
@ApplicationScoped
public class RoutingCache {

    /** The grid topic that tells every node that access changed. */
    static final String TOPIC = "irsp.access";

    private static final int MAX_ENTRIES = 200_000;

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Boolean> exists = new ConcurrentHashMap<>();
    private final Map<String, Boolean> permits = new ConcurrentHashMap<>();
    private final Map<String, List<EntityRef>> groups = new ConcurrentHashMap<>();

    public boolean exists(EntityRef e, Supplier<Boolean> load) {
        return refusal(exists, e.key(), load);
    }

    public boolean permits(EntityRef sender, EntityRef target, String op, Supplier<Boolean> load) {
        return refusal(permits, sender.key() + "|" + target.key() + "|" + op, load);
    }

    /**
     * In a cluster a refusal is not kept: another node's change (a registration, a relationship, rights) reaches
     * this node's cache a moment after that change was answered, and a client that acts on the answer at once
     * through this node must not be refused by what was true before. Refusals are rare and rate-limited.
     */
    private boolean refusal(Map<String, Boolean> map, String key, Supplier<Boolean> load) {
        boolean answer = cached(map, key, load);
        if (!answer && grid.isOn()) {
            map.remove(key, Boolean.FALSE);
        }
        return answer;
    }

    public List<EntityRef> group(EntityRef sender, String group, Supplier<List<EntityRef>> load) {
        return cached(groups, sender.key() + "|" + group, load);
    }

    @Inject Grid grid;

    @PostConstruct
    void listen() {
        if (grid.isOn()) {
            grid.subscribe(TOPIC, reason -> forget());
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccessChanged change) {
        forget();
        if (grid.isOn()) {
            grid.broadcast(TOPIC, change.why());
        }
    }

    private void forget() {
        generation.incrementAndGet();
        exists.clear();
        permits.clear();
        groups.clear();
    }

    private <V> V cached(Map<String, V> map, String key, Supplier<V> load) {
        V known = map.get(key);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        V loaded = load.get();
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, loaded);
        if (generation.get() != before) {
            map.remove(key, loaded); // the answer may predate a change
        }
        return loaded;
    }
}
