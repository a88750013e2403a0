package org.irsp.protocol.operation;

import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.RelationshipJson;
import org.irsp.protocol.Reply;
import org.irsp.relationship.boundary.RelationshipRequests;
import org.irsp.relationship.entity.Ruling;

/** §10.3 RelationshipAcceptResponse / RelationshipRejectResponse → Ack per Table 2. */
abstract class RelationshipAnswerHandler implements FrameHandler {

    abstract RelationshipRequests requests();

    abstract boolean accept();

    @Override
    public String replyType() {
        return "Ack";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        Ruling ruling = requests().answer(c.bound().entity(), RelationshipJson.answer(frame.body(), accept()));
        return Reply.ok(RelationshipJson.answered(ruling, accept()));
    }
}
