package org.irsp.relationship.boundary;

import org.irsp.presence.entity.Presence;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.entity.Relationship;

/** A relationship as the lister sees it: the peer, and its presence only if the lister may see it. */
public record Listed(Relationship relationship, EntityRef peer, Presence presence) {}
