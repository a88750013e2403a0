package org.irsp.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.irsp.codes.Timestamps;
import org.irsp.codes.Wire;
import org.irsp.nat.entity.Candidate;
import org.irsp.push.entity.Bond;
import org.irsp.push.entity.DeliveryFailed;
import org.irsp.push.entity.Endpoint;
import org.irsp.push.entity.Established;
import org.irsp.push.entity.Forward;
import org.irsp.push.entity.Legacy;
import org.irsp.push.entity.P2PAnswer;
import org.irsp.push.entity.P2PNotice;
import org.irsp.push.entity.Push;
import org.irsp.push.entity.Relayed;
import org.irsp.push.entity.Released;
import org.irsp.push.entity.Replaced;
import org.irsp.push.entity.RequestNotice;
import org.irsp.push.entity.RequestResult;
import org.irsp.push.entity.ServerPush;
import org.irsp.push.entity.StatusChange;
import org.irsp.push.entity.Stored;
import org.irsp.push.entity.WentOffline;
import org.irsp.registration.entity.EntityRef;
import org.irsp.session.boundary.Bound;

/**
 * The codec of every push (§6.2, §6.4 I→C): the one place a typed push becomes the frame a client
 * receives, on whichever node holds the connection, so local delivery, delivery over the
 * command queue of a node and delivery from the offline queue write the same bytes. The IRSP's
 * own frames carry source irsp and targets = [the recipient with its connId]; a forwarded DataMessage
 * keeps the sender's fields and the recipient as resolved.
 */
public final class PushFrames {

    /** The frame for {@code to}; {@code msgId} names a stored item (its delivery ID), else the IRSP picks one. */
    public static String encode(Push push, String msgId, Bound to) {
        return encode(push, msgId, to, Instant.now());
    }

    /** As {@link #encode(Push, String, Bound)}, with the IRSP's frames stamped {@code now}. */
    static String encode(Push push, String msgId, Bound to, Instant now) {
        return frame(push, msgId, to, now).toString();
    }

    private static JsonObject frame(Push push, String msgId, Bound to, Instant now) {
        if (push instanceof Forward f) {
            return forward(f);
        }
        if (push instanceof ServerPush p) {
            return serverPush(p, to);
        }
        if (push instanceof Relayed r) {
            return r.frame();
        }
        if (push instanceof Legacy l) {
            return Frames.completeLegacy(l.partial(), to, now);
        }
        if (push instanceof P2PAnswer a) {
            return p2pAnswer(a, msgId, to, now);
        }
        return irsp(typeOf(push), msgId, to, now).add("body", body(push)).build();
    }

    /** The frame type of each IRSP-originated push that is a notification with a body (§6.4). */
    private static final Map<Class<? extends Push>, String> TYPES = Map.of(
            Stored.class, "OfflineMessageDelivery",
            StatusChange.class, "StatusChangeNotify",
            WentOffline.class, "OfflineNotify",
            RequestNotice.class, "RelationshipRequestNotify",
            RequestResult.class, "RelationshipResultNotify",
            Established.class, "RelationshipEstablishedNotify",
            Released.class, "RelationshipReleasedNotify",
            DeliveryFailed.class, "DeliveryFailedNotify",
            P2PNotice.class, "P2PConnectNotify",
            Replaced.class, "ConnectionReplaced");

    private static String typeOf(Push push) {
        String type = TYPES.get(push.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no frame type for " + push.getClass().getSimpleName());
        }
        return type;
    }

    private static JsonObjectBuilder body(Push push) {
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder();
        if (push instanceof Stored s) {
            return b.add("storedAt", Timestamps.format(s.storedAt())).add("message", storedForm(s.message()));
        }
        if (push instanceof StatusChange s) {
            return b.add("id", s.entity().id()).add("type", s.entity().type().wire()).add("presence", s.presence())
                    .add("connCount", s.connCount()).add("ts", Timestamps.format(s.at()));
        }
        if (push instanceof WentOffline o) {
            return b.add("id", o.entity().id()).add("type", o.entity().type().wire()).add("reason", o.reason())
                    .add("ts", Timestamps.format(o.at()));
        }
        if (push instanceof RequestNotice r) {
            return request(r);
        }
        if (push instanceof RequestResult r) {
            b.add("requestId", r.requestId()).add("result", r.result()).add("retCode", r.retCode());
            addIfPresent(b, "relationshipId", r.relationshipId());
            addIfPresent(b, "reason", r.reason());
            return b;
        }
        if (push instanceof Established e) {
            return bond(e.bond(), true).add("via", e.via());
        }
        if (push instanceof Released r) {
            return bond(r.bond(), false).add("releasedBy", address(r.by())).add("reason", r.reason());
        }
        if (push instanceof DeliveryFailed d) {
            return b.add("msgId", d.msgId()).add("target", address(d.target())).add("retCode", d.retCode())
                    .add("reason", d.reason());
        }
        if (push instanceof P2PNotice n) {
            return b.add("requestId", n.requestId()).add("from", address(n.from())).add("purpose", n.purpose())
                    .add("candidates", candidates(n.candidates())).add("sessionKey", n.sessionKey())
                    .add("expiresAt", Timestamps.format(n.expiresAt()));
        }
        if (push instanceof Replaced r) {
            return b.add("ts", Timestamps.format(r.at()));
        }
        throw new IllegalArgumentException("no body for " + push.getClass().getSimpleName());
    }

    /** The {@code message} of an OfflineMessageDelivery (§11.5): the message as forwarded, without a deliveryId. */
    private static JsonObject storedForm(Push message) {
        if (message instanceof Forward f) {
            return forward(f.asStored());
        }
        if (message instanceof ServerPush p) {
            return Wire.JSON.createObjectBuilder().add("v", Frames.V).add("type", "ServerPushNotify").add("msgId", p.msgId())
                    .add("source", address(Endpoint.irsp(p.system())))
                    .add("targets", Wire.JSON.createArrayBuilder().add(address(Endpoint.of(p.recipient()))))
                    .add("ts", p.ts()).add("needResponse", false).add("delivery", "offline").add("ttl", p.ttlSeconds())
                    .add("body", p.body()).build();
        }
        if (message instanceof Relayed r) {
            return r.frame();
        }
        throw new IllegalArgumentException("not a storable message: " + message.getClass().getSimpleName());
    }

    /** A forwarded DataMessage (§6.2): the sender's msgId and ts, a new source, the recipient as resolved. */
    private static JsonObject forward(Forward f) {
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder().add("v", Frames.V).add("type", "DataMessage").add("msgId", f.msgId())
                .add("source", address(f.source())).add("targets", Wire.JSON.createArrayBuilder().add(address(f.recipient())))
                .add("ts", f.ts()).add("needResponse", f.needResponse()).add("delivery", f.guaranteed() ? "offline" : "instant");
        if (f.guaranteed()) {
            b.add("ttl", f.ttlSeconds());
        }
        addIfPresent(b, "deliveryId", f.deliveryId());
        return b.add("body", f.body()).build();
    }

    /** ServerPushNotify (§11.6): the enterprise's msgId and ts, source irsp with the system as id. */
    private static JsonObject serverPush(ServerPush p, Bound to) {
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder().add("v", Frames.V).add("type", "ServerPushNotify")
                .add("msgId", p.msgId()).add("source", address(Endpoint.irsp(p.system())));
        targets(b, to).add("ts", p.ts()).add("delivery", p.guaranteed() ? "offline" : "instant");
        if (p.guaranteed()) {
            b.add("ttl", p.ttlSeconds());
        }
        addIfPresent(b, "deliveryId", p.deliveryId());
        return b.add("body", p.body()).build();
    }

    /** P2PConnectResponse relayed to the requester (§12.3): an error carries reason and details. */
    private static JsonObject p2pAnswer(P2PAnswer a, String msgId, Bound to, Instant now) {
        JsonObjectBuilder f = irsp("P2PConnectResponse", msgId, to, now).add("respTo", a.respTo()).add("retCode", a.retCode());
        if (a.retCode() >= 300) {
            f.add("reason", a.reason()).add("details", JsonObject.EMPTY_JSON_OBJECT);
        }
        if (a.requestId() != null) {
            f.add("body", p2pAnswerBody(a));
        }
        return f.build();
    }

    /** The body of a P2PConnectResponse with the peer's answer: requestId, accept, and candidates and key if it accepted. */
    static JsonObject p2pAnswerBody(P2PAnswer a) {
        JsonObjectBuilder body = Wire.JSON.createObjectBuilder().add("requestId", a.requestId()).add("accept", a.accept());
        if (a.candidates() != null) {
            body.add("candidates", candidates(a.candidates()));
        }
        addIfPresent(body, "sessionKey", a.sessionKey());
        return body.build();
    }

    /** v, type, msgId, source irsp, targets = [the recipient with connId], ts now. */
    private static JsonObjectBuilder irsp(String type, String msgId, Bound to, Instant now) {
        JsonObjectBuilder f = Wire.JSON.createObjectBuilder().add("v", Frames.V).add("type", type)
                .add("msgId", msgId == null ? Frames.newMsgId() : msgId)
                .add("source", Wire.JSON.createObjectBuilder().add("type", "irsp"));
        return targets(f, to).add("ts", Timestamps.format(now));
    }

    private static JsonObjectBuilder targets(JsonObjectBuilder f, Bound to) {
        return to == null ? f : f.add("targets", Wire.JSON.createArrayBuilder().add(Frames.recipient(to)));
    }

    private static JsonObjectBuilder bond(Bond b, boolean withRole) {
        JsonObjectBuilder j = Wire.JSON.createObjectBuilder().add("relationshipId", b.relationshipId()).add("kind", b.kind())
                .add("parties", Wire.JSON.createArrayBuilder().add(address(b.partyA())).add(address(b.partyB())));
        if (withRole) {
            addIfPresent(j, "role", b.role());
            if (b.rights() != null) {
                j.add("rights", b.rights());
            }
        }
        return j;
    }

    /** RelationshipRequestNotify's body (§10.2), also an item of the REST list of requests. */
    public static JsonObjectBuilder request(RequestNotice r) {
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder().add("requestId", r.requestId()).add("kind", r.kind())
                .add("requester", address(r.requester())).add("subject", address(r.subject())).add("target", address(r.target()));
        addIfPresent(b, "role", r.role());
        if (r.rights() != null) {
            b.add("rights", r.rights());
        }
        addIfPresent(b, "note", r.note());
        return b.add("expiresAt", Timestamps.format(r.expiresAt()));
    }

    /** A §4.2 address without connId: {type, id}. */
    public static JsonObjectBuilder address(EntityRef e) {
        return Wire.JSON.createObjectBuilder().add("type", e.type().wire()).add("id", e.id());
    }

    static JsonObjectBuilder address(Endpoint e) {
        JsonObjectBuilder a = Wire.JSON.createObjectBuilder().add("type", e.type());
        addIfPresent(a, "id", e.id());
        addIfPresent(a, "connId", e.connId());
        return a;
    }

    private static JsonArrayBuilder candidates(List<Candidate> candidates) {
        JsonArrayBuilder a = Wire.JSON.createArrayBuilder();
        candidates.forEach(c -> a.add(Wire.JSON.createObjectBuilder().add("type", c.type()).add("ip", c.ip())
                .add("port", c.port()).add("proto", c.proto())));
        return a;
    }

    public static void addIfPresent(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private PushFrames() {}
}
