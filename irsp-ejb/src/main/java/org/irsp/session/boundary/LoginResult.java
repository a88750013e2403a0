package org.irsp.session.boundary;

import org.irsp.registration.entity.EntityRef;

public record LoginResult(EntityRef entity, String connId, String token, int heartbeatSeconds, int bindWithinSeconds) {}
