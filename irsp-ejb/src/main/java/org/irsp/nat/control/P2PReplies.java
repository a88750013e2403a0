package org.irsp.nat.control;

import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.MetricRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.irsp.nat.entity.Candidate;
import org.irsp.push.entity.P2PAnswer;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.RetCode;
import org.irsp.codes.Wire;
import org.irsp.messaging.control.DuplicateWindow;
import org.irsp.nat.entity.P2PAttempt;
import org.irsp.session.control.ConnectionChannel;
import org.irsp.session.entity.ConnectionCommand;

/**
 * The one P2PConnectResponse the requester receives (§12.3), sent to the connection that asked, whenever
 * the outcome is known: the peer's answer, the answer timeout (408), or the peer gone (480). Also settles
 * the requester's msgId in the duplicate window, so that a replay learns the outcome (§6.6), and audits
 * the outcome: who opened, or failed to open, a path to whom.
 */
@Stateless
public class P2PReplies {

    @Inject ConnectionChannel connections;
    @Inject DuplicateWindow duplicates;
    @Inject AuditLog audit;
    @Inject MetricRegistry metrics;

    /** An outcome without the peer's answer: it went away (480) or did not answer in time (408). */
    public void send(P2PAttempt attempt, RetCode code, String reason) {
        send(attempt, new P2PAnswer(attempt.requesterMsgId(), code.code(), reason, null, false, null, null), null);
    }

    /** The peer's answer: 200 with its candidates and the session key, or 403 when it declined. */
    public void answered(P2PAttempt attempt, boolean accept, List<Candidate> candidates) {
        P2PAnswer answer = accept
                ? new P2PAnswer(attempt.requesterMsgId(), 200, null, attempt.requestId(), true, candidates, attempt.sessionKey())
                : new P2PAnswer(attempt.requesterMsgId(), 403, "the peer declined", attempt.requestId(), false, null, null);
        JsonObjectBuilder body = Wire.JSON.createObjectBuilder().add("requestId", attempt.requestId()).add("accept", accept);
        if (accept) {
            JsonArrayBuilder all = Wire.JSON.createArrayBuilder();
            candidates.forEach(c -> all.add(c.json()));
            body.add("candidates", all).add("sessionKey", attempt.sessionKey());
        }
        send(attempt, answer, body.build());
    }

    /** {@code body}: the reply's body as a replay of the request is told it (§6.6). */
    private void send(P2PAttempt attempt, P2PAnswer answer, JsonObject body) {
        RetCode code = RetCode.of(answer.retCode());
        connections.send(ConnectionCommand.push(attempt.requester(), attempt.requesterConnId(), null, answer, null));
        duplicates.settle(attempt.requester().key(), attempt.requesterMsgId(), "P2PConnectResponse", code.code(), body);
        metrics.counter("irsp.p2p.requests", new Tag("retCode", String.valueOf(code.code()))).inc();
        audit.record(attempt.requester().key(), null, "p2p.connect", code.code(),
                "peer=" + attempt.peer().key() + " requestId=" + attempt.requestId());
    }
}
