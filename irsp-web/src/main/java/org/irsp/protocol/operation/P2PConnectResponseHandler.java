package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.codes.IrspException;
import org.irsp.nat.boundary.P2PSignalling;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.NatJson;
import org.irsp.protocol.Reply;

/** §12.3 the peer's P2PConnectResponse: Ack 200, or Ack 410 for an unknown, answered or expired request. */
@ApplicationScoped
public class P2PConnectResponseHandler implements FrameHandler {

    @Inject P2PSignalling signalling;

    @Override
    public String type() {
        return "P2PConnectResponse";
    }

    @Override
    public String replyType() {
        return "Ack";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        JsonFields body = frame.body();
        String requestId = body.string("requestId", 1, 64);
        boolean accept = body.optionalBoolean("accept")
                .orElseThrow(() -> IrspException.badField("body.accept", "accept is mandatory"));
        var candidates = NatJson.candidates(body, "candidates", false);
        signalling.answer(new P2PSignalling.Side(c.bound().entity(), c.bound().connId(), frame.msgId(), c.remoteAddress()),
                requestId, accept, candidates);
        return Reply.ok(null);
    }
}
