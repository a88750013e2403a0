package org.irsp.session.boundary;

import org.irsp.registration.entity.EntityRef;

/** A successful bind: the entity now online on {@code connId}. */
public record Bound(EntityRef entity, String connId, int heartbeatSeconds) {}
