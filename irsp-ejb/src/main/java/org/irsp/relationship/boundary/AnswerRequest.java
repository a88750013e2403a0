package org.irsp.relationship.boundary;

import org.irsp.relationship.entity.Role;

/** A §10.3 answer after JSON checks: accept with optional role/rights, or reject with an optional reason. */
public record AnswerRequest(String requestId, boolean accept, Role role, Integer rights, String reason) {}
