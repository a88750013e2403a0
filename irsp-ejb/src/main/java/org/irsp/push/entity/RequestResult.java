package org.irsp.push.entity;

/** RelationshipResultNotify (§10.3): how the recipient's request ended. */
public record RequestResult(String requestId, String result, int retCode, String relationshipId, String reason)
        implements Push {
}
