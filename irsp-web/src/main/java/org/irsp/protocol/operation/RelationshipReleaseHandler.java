package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.RelationshipJson;
import org.irsp.protocol.Reply;
import org.irsp.relationship.boundary.Releases;
import org.irsp.relationship.entity.Kind;

/** §10.4 RelationshipReleaseRequest {relationshipId} or {peer, kind} → 200 {}. */
@ApplicationScoped
public class RelationshipReleaseHandler implements FrameHandler {

    @Inject
    Releases releases;

    @Override
    public String type() {
        return "RelationshipReleaseRequest";
    }

    @Override
    public String replyType() {
        return "RelationshipReleaseResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        JsonFields body = frame.body();
        if (body.has("relationshipId") || !body.has("peer")) {
            releases.release(c.bound().entity(), body.string("relationshipId", 1, 64), null, null);
        } else {
            Kind kind = Kind.ofWire(body.enumValue("kind", RelationshipJson.KINDS)).orElseThrow();
            releases.release(c.bound().entity(), null, RelationshipJson.entity(body, "peer"), kind);
        }
        return Reply.ok(JsonObject.EMPTY_JSON_OBJECT);
    }
}
