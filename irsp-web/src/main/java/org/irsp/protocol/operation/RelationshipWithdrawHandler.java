package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;
import org.irsp.relationship.boundary.RelationshipRequests;

/** §10.4 RelationshipWithdrawRequest {requestId} → 200 {}; 403 if not the requester, 410 if closed or unknown. */
@ApplicationScoped
public class RelationshipWithdrawHandler implements FrameHandler {

    @Inject
    RelationshipRequests requests;

    @Override
    public String type() {
        return "RelationshipWithdrawRequest";
    }

    @Override
    public String replyType() {
        return "RelationshipWithdrawResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        requests.withdraw(c.bound().entity(), frame.body().string("requestId", 1, 64));
        return Reply.ok(JsonObject.EMPTY_JSON_OBJECT);
    }
}
