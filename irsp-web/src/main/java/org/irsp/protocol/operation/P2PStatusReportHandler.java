package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.irsp.nat.boundary.P2PSignalling;
import org.irsp.nat.entity.P2PAttempt;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.NatJson;
import org.irsp.protocol.Reply;

/** §12.3 P2PStatusReport {requestId, path, rttMs?, candidate?}: Ack 200, or 404 for an unknown requestId. */
@ApplicationScoped
public class P2PStatusReportHandler implements FrameHandler {

    @Inject P2PSignalling signalling;

    @Override
    public String type() {
        return "P2PStatusReport";
    }

    @Override
    public String replyType() {
        return "Ack";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        JsonFields body = frame.body();
        String requestId = body.string("requestId", 1, 64);
        String path = body.enumValue("path", Set.of("direct", "relay"));
        Long rtt = body.optionalInteger("rttMs", 0, 3_600_000).orElse(null);
        var candidate = body.optionalObject("candidate").map(NatJson::candidate).orElse(null);
        signalling.report(c.bound().entity(), requestId, new P2PAttempt.Report(path, rtt, candidate, Instant.now()));
        return Reply.ok(null);
    }
}
