package org.irsp.protocol.operation;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.RelationshipJson;
import org.irsp.protocol.Reply;
import org.irsp.relationship.boundary.Relationships;
import org.irsp.relationship.entity.Kind;

/** §10.4 RelationshipListRequest {kind?} → 200 {items}. */
@ApplicationScoped
public class RelationshipListHandler implements FrameHandler {

    @Inject
    Relationships relationships;

    @Override
    public String type() {
        return "RelationshipListRequest";
    }

    @Override
    public String replyType() {
        return "RelationshipListResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        Kind kind = frame.body().optionalEnum("kind", RelationshipJson.KINDS).map(k -> Kind.ofWire(k).orElseThrow()).orElse(null);
        var items = Wire.JSON.createArrayBuilder();
        relationships.list(c.bound().entity(), kind).forEach(l -> items.add(RelationshipJson.item(l)));
        return Reply.ok(Wire.JSON.createObjectBuilder().add("items", items).build());
    }
}
