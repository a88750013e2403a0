package org.irsp.relationship.boundary;

import java.time.Instant;
import org.irsp.relationship.entity.Relationship;

/** 200 with the relationship, or 202 with the pending request's ID and expiry. */
public record Established(Relationship relationship, String requestId, Instant expiresAt) {

    public boolean pending() {
        return relationship == null;
    }
}
