package org.irsp.push.entity;

import java.time.Instant;
import org.irsp.registration.entity.EntityRef;

/** OfflineNotify (§8.6): the entity's last visible connection ended, for {@code reason}. */
public record WentOffline(EntityRef entity, String reason, Instant at) implements Push {
}
