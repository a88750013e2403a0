package org.irsp.session.boundary;

import org.irsp.registration.entity.EntityRef;

/** The entity behind an authenticated request, and the session (connId) whose token it used. */
public record Caller(EntityRef entity, String connId) {}
