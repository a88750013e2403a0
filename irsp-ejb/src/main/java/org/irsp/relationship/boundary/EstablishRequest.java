package org.irsp.relationship.boundary;

import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Role;

/** A §10.2 request after JSON checks; subject, role, rights, code and note may be null. */
public record EstablishRequest(Kind kind, EntityRef target, EntityRef subject, Role role, Integer rights,
        String verificationCode, String note, long expirySeconds) {}
