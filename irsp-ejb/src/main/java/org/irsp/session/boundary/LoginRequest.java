package org.irsp.session.boundary;

import org.irsp.registration.entity.EntityRef;

/** A §8.1 login after JSON checks: exactly one of password, secret, or nonce+proof is set. */
public record LoginRequest(EntityRef entity, String password, String secret, String nonce, String proof) {}
