package org.irsp.protocol.operation;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.codes.Timestamps;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.RelationshipJson;
import org.irsp.protocol.Reply;
import org.irsp.relationship.boundary.Established;
import org.irsp.relationship.boundary.Relationships;

/** §10.2 RelationshipEstablishRequest → 200 {relationshipId, kind, role?, rights?} or 202 {requestId, expiresAt}. */
@ApplicationScoped
public class RelationshipEstablishHandler implements FrameHandler {

    @Inject
    Relationships relationships;

    @Override
    public String type() {
        return "RelationshipEstablishRequest";
    }

    @Override
    public String replyType() {
        return "RelationshipEstablishResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        var request = RelationshipJson.establish(frame.body());
        try {
            return reply(relationships.establish(c.bound().entity(), request));
        } catch (IrspException refused) {
            throw refused.underField("body");
        }
    }

    static Reply reply(Established e) {
        if (e.pending()) {
            return new Reply(RetCode.ACCEPTED, Wire.JSON.createObjectBuilder().add("requestId", e.requestId())
                    .add("expiresAt", Timestamps.format(e.expiresAt())).build(), () -> {});
        }
        return Reply.ok(RelationshipJson.created(e.relationship()));
    }
}
