package org.irsp.push.entity;

import java.util.List;
import org.irsp.nat.entity.Candidate;

/**
 * P2PConnectResponse to the requester (§12.3), answering its msgId {@code respTo}: the peer's answer
 * ({@code accept}, with candidates and the session key when it accepted), or an outcome without a body
 * ({@code requestId} null) when the peer went away or did not answer.
 */
public record P2PAnswer(String respTo, int retCode, String reason, String requestId, boolean accept,
        List<Candidate> candidates, String sessionKey) implements Push {
}
