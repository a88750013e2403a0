package org.irsp.registration.boundary;

import org.irsp.registration.entity.EntityRef;

/** The outcome of a registration: the canonical ID, and the verification code only if the IRSP generated it. */
public record Registered(EntityRef entity, String generatedVerificationCode) {}
