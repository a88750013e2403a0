package org.irsp.nat.control;

import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.MetricRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

    public void send(P2PAttempt attempt, RetCode code, String reason, JsonObject body) {
        JsonObjectBuilder frame = Wire.JSON.createObjectBuilder().add("type", "P2PConnectResponse")
                .add("respTo", attempt.requesterMsgId()).add("retCode", code.code());
        if (code.code() >= 300) {
            frame.add("reason", reason).add("details", JsonObject.EMPTY_JSON_OBJECT);
        }
        if (body != null) {
            frame.add("body", body);
        }
        connections.send(ConnectionCommand.frame(attempt.requester(), attempt.requesterConnId(), null,
                frame.build().toString(), null));
        duplicates.settle(attempt.requester().key(), attempt.requesterMsgId(), "P2PConnectResponse", code.code(), body);
        metrics.counter("irsp.p2p.requests", new Tag("retCode", String.valueOf(code.code()))).inc();
        audit.record(attempt.requester().key(), null, "p2p.connect", code.code(),
                "peer=" + attempt.peer().key() + " requestId=" + attempt.requestId());
    }
}
