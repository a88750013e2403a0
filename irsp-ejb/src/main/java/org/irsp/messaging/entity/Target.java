package org.irsp.messaging.entity;

import org.irsp.registration.entity.EntityRef;

/**
 * One resolved target of a DataMessage (§11.1): the entity (null for the IRSP itself), the connId the
 * sender named if any, and whether it came from a group.
 */
public record Target(EntityRef entity, String connId, boolean irsp) {

    public static Target irspItself() {
        return new Target(null, null, true);
    }
}
