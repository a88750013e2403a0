package org.irsp.presence.control;

import java.util.function.UnaryOperator;
import org.irsp.presence.entity.Bindings;
import org.irsp.registration.entity.EntityRef;

/**
 * Which entities are bound, on which connIds, with which presences: the one place that holds it. One
 * node keeps it in memory ({@link NodePresenceDirectory}); a cluster puts the same values in a shared
 * map, where {@link #update} is an atomic replace of one entity's {@link Bindings}.
 */
public interface PresenceDirectory {

    /** The entity's bindings; {@link Bindings#none} when it has none. */
    Bindings of(EntityRef entity);

    /** Replaces the entity's bindings with {@code change} applied, atomically; an empty result removes them. */
    Change update(EntityRef entity, UnaryOperator<Bindings> change);

    /** The bindings before and after one update. */
    record Change(Bindings before, Bindings after) {}
}
