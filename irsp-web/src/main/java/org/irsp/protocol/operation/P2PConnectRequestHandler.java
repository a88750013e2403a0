package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.nat.boundary.P2PSignalling;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.NatJson;
import org.irsp.protocol.Reply;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/**
 * §12.3 P2PConnectRequest. Checks fail at once with a P2PConnectResponse; otherwise the peer is notified
 * and the requester's one P2PConnectResponse comes later (the peer's answer, 408 or 480).
 */
@ApplicationScoped
public class P2PConnectRequestHandler implements FrameHandler {

    @Inject P2PSignalling signalling;

    @Override
    public String type() {
        return "P2PConnectRequest";
    }

    @Override
    public String replyType() {
        return "P2PConnectResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        JsonFields body = frame.body();
        JsonFields peer = body.optionalObject("peer")
                .orElseThrow(() -> IrspException.badField("body.peer", "peer is mandatory"));
        EntityType type = EntityType.ofWire(peer.enumValue("type", Set.of("user", "device")));
        EntityRef peerEntity = EntityRef.parse(type, peer.string("id", 1, 200))
                .orElseThrow(() -> IrspException.badField(peer.path("id"), "not a valid " + type.wire() + " ID"));
        String peerConnId = peer.optionalString("connId", 1, 64).orElse(null);
        String purpose = body.string("purpose", 1, 64);
        var candidates = NatJson.candidates(body, "candidates", true);
        signalling.request(new P2PSignalling.Side(c.bound().entity(), c.bound().connId(), frame.msgId(), c.remoteAddress()),
                peerEntity, peerConnId, purpose, candidates);
        return null;
    }
}
