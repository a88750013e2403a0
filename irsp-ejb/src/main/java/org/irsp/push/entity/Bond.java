package org.irsp.push.entity;

import org.irsp.registration.entity.EntityRef;

/** The common part of the relationship notifications: {relationshipId, kind, parties, role?, rights?}. */
public record Bond(String relationshipId, String kind, EntityRef partyA, EntityRef partyB, String role, Integer rights) {
}
