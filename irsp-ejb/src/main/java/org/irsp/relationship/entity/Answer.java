package org.irsp.relationship.entity;

import org.irsp.registration.entity.EntityRef;

/**
 * A responder's answer to a request (§10.3) and what the boundary knows about it: whether the
 * responder is an approver, the rights it may grant at most (63 for an owner), whether it is the owner
 * (only an owner grants admin), whether the requester still exists, and the relationship that already
 * joins the pair, if crossed requests created one.
 */
public record Answer(EntityRef responder, boolean accept, Role role, Integer rights, boolean approver,
        int responderRights, boolean responderIsOwner, boolean requesterExists, String existingRelationshipId) {}
