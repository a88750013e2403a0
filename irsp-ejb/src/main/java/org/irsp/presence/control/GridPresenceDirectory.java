package org.irsp.presence.control;

import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.irsp.presence.entity.Bindings;
import org.irsp.registration.entity.EntityRef;

/**
 * The presence directory of a cluster: each entity's {@link Bindings} as text in a map every node shares
 * (the data grid's), keyed by the entity. An update is optimistic: read, apply, and replace only if
 * nobody replaced it meanwhile, else again; so two nodes binding one device at once leave exactly one.
 */
final class GridPresenceDirectory implements PresenceDirectory {

    private final ConcurrentMap<String, String> byEntity;

    GridPresenceDirectory(ConcurrentMap<String, String> byEntity) {
        this.byEntity = byEntity;
    }

    @Override
    public Bindings of(EntityRef entity) {
        return Bindings.parse(entity.type(), byEntity.get(entity.key()));
    }

    @Override
    public Change update(EntityRef entity, UnaryOperator<Bindings> change) {
        String key = entity.key();
        while (true) {
            String current = byEntity.get(key);
            Bindings before = Bindings.parse(entity.type(), current);
            Bindings after = change.apply(before);
            if (after.equals(before) || replaced(key, current, after)) {
                return new Change(before, after);
            }
        }
    }

    private boolean replaced(String key, String current, Bindings after) {
        if (current == null) {
            return after.isEmpty() || byEntity.putIfAbsent(key, after.text()) == null;
        }
        return after.isEmpty() ? byEntity.remove(key, current) : byEntity.replace(key, current, after.text());
    }
}
