package org.irsp.rights.entity;

import org.irsp.registration.entity.EntityRef;

/** One entry of a device's rights configuration (§9.2): what {@code subject} may do, as §9.1 bits. */
public record Grant(EntityRef subject, int rights) {
}
