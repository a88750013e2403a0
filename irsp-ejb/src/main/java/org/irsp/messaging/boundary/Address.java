package org.irsp.messaging.boundary;

import org.irsp.registration.entity.EntityRef;

/** A §4.2 target address after syntax checks: an entity (with optional connId), a group, or the IRSP. */
public record Address(EntityRef entity, String connId, String group, boolean irsp) {

    public static Address of(EntityRef entity, String connId) {
        return new Address(entity, connId, null, false);
    }

    public static Address group(String name) {
        return new Address(null, null, name, false);
    }

    public static Address irspItself() {
        return new Address(null, null, null, true);
    }
}
