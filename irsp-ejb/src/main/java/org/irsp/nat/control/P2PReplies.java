package org.irsp.nat.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.irsp.nat.entity.Candidate;
import org.irsp.push.entity.P2PAnswer;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.RetCode;
import org.irsp.messaging.control.DuplicateWindow;
import org.irsp.nat.entity.P2PAttempt;
import org.irsp.session.control.ConnectionChannel;
import org.irsp.session.entity.ConnectionCommand;
import org.irsp.telemetry.control.Meters;

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
    @Inject Meters meters;

    /** An outcome without the peer's answer: it went away (480) or did not answer in time (408). */
    public void send(P2PAttempt attempt, RetCode code, String reason) {
        send(attempt, new P2PAnswer(attempt.requesterMsgId(), code.code(), reason, null, false, null, null));
    }

    /** The peer's answer: 200 with its candidates and the session key, or 403 when it declined. */
    public void answered(P2PAttempt attempt, boolean accept, List<Candidate> candidates) {
        P2PAnswer answer = accept
                ? new P2PAnswer(attempt.requesterMsgId(), 200, null, attempt.requestId(), true, candidates, attempt.sessionKey())
                : new P2PAnswer(attempt.requesterMsgId(), 403, "the peer declined", attempt.requestId(), false, null, null);
        send(attempt, answer);
    }

    /** Also what a replay of the request is told (§6.6): the answer's body, if it has one. */
    private void send(P2PAttempt attempt, P2PAnswer answer) {
        RetCode code = RetCode.of(answer.retCode());
        connections.send(ConnectionCommand.push(attempt.requester(), attempt.requesterConnId(), null, answer, null));
        duplicates.settle(attempt.requester().key(), attempt.requesterMsgId(), "P2PConnectResponse", code.code(),
                answer.requestId() == null ? null : answer);
        meters.p2pRequest(code.code());
        audit.record(attempt.requester().key(), null, "p2p.connect", code.code(),
                "peer=" + attempt.peer().key() + " requestId=" + attempt.requestId());
    }
}
