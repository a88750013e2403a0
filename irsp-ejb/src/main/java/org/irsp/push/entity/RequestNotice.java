package org.irsp.push.entity;

import java.time.Instant;
import org.irsp.registration.entity.EntityRef;

/** RelationshipRequestNotify (§10.2): a pending request the recipient may answer. */
public record RequestNotice(String requestId, String kind, EntityRef requester, EntityRef subject, EntityRef target,
        String role, Integer rights, String note, Instant expiresAt) implements Push {
}
