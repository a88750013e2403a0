package org.irsp.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
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
 * group members. Any {@link AccessChanged} empties it once its transaction completes; a generation
 * counter keeps a read that raced with the change from caching stale data. Node-local.
 */
@ApplicationScoped
public class RoutingCache {

    private static final int MAX_ENTRIES = 200_000;

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Boolean> exists = new ConcurrentHashMap<>();
    private final Map<String, Boolean> permits = new ConcurrentHashMap<>();
    private final Map<String, List<EntityRef>> groups = new ConcurrentHashMap<>();

    public boolean exists(EntityRef e, Supplier<Boolean> load) {
        return cached(exists, e.key(), load);
    }

    public boolean permits(EntityRef sender, EntityRef target, String op, Supplier<Boolean> load) {
        return cached(permits, sender.key() + "|" + target.key() + "|" + op, load);
    }

    public List<EntityRef> group(EntityRef sender, String group, Supplier<List<EntityRef>> load) {
        return cached(groups, sender.key() + "|" + group, load);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) AccessChanged change) {
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
