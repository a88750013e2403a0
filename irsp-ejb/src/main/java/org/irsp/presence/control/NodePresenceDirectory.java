package org.irsp.presence.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.irsp.presence.entity.Bindings;
import org.irsp.registration.entity.EntityRef;

/** The presence directory of a single node: a map in this JVM, one entity's update at a time. */
final class NodePresenceDirectory implements PresenceDirectory {

    private final Map<EntityRef, Bindings> byEntity = new ConcurrentHashMap<>();

    @Override
    public Bindings of(EntityRef entity) {
        return byEntity.getOrDefault(entity, Bindings.none(entity.type()));
    }

    @Override
    public Change update(EntityRef entity, UnaryOperator<Bindings> change) {
        Bindings[] before = new Bindings[1];
        Bindings after = byEntity.compute(entity, (e, current) -> {
            before[0] = current == null ? Bindings.none(e.type()) : current;
            Bindings next = change.apply(before[0]);
            return next.isEmpty() ? null : next;
        });
        return new Change(before[0], after == null ? Bindings.none(entity.type()) : after);
    }
}
