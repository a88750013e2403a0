package org.irsp.push.entity;

import java.time.Instant;
import org.irsp.registration.entity.EntityRef;

/** StatusChangeNotify (§13.3): an entity's visible presence at {@code at}. */
public record StatusChange(EntityRef entity, String presence, int connCount, Instant at) implements Push {
}
