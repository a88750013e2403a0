package org.irsp.push.entity;

import java.time.Instant;
import java.util.List;
import org.irsp.nat.entity.Candidate;

/** P2PConnectNotify (§12.3): a requester on {@code from} asks the recipient's connection for a direct path. */
public record P2PNotice(String requestId, Endpoint from, String purpose, List<Candidate> candidates, String sessionKey,
        Instant expiresAt) implements Push {
}
