package org.irsp.push.entity;

import org.irsp.registration.entity.EntityRef;

/** RelationshipReleasedNotify (§10.4): the relationship ended, released by {@code by} for {@code reason}. */
public record Released(Bond bond, EntityRef by, String reason) implements Push {
}
