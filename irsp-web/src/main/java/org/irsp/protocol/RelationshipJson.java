package org.irsp.protocol;

import org.irsp.codes.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.irsp.codes.IrspException;
import org.irsp.codes.Timestamps;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.boundary.AnswerRequest;
import org.irsp.relationship.boundary.EstablishRequest;
import org.irsp.relationship.boundary.Listed;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;
import org.irsp.relationship.entity.Role;
import org.irsp.relationship.entity.Ruling;
import org.irsp.codes.RetCode;

/** The JSON of §10 shared by the WebSocket frames and their REST mirrors. */
public final class RelationshipJson {

    public static final Set<String> KINDS = Set.of("user-device", "user-user", "device-device");

    /** A §4.2 user or device address without connId, as {@code path}. */
    public static EntityRef entity(JsonFields parent, String name) {
        JsonFields a = parent.optionalObject(name)
                .orElseThrow(() -> IrspException.badField(parent.path(name), name + " is mandatory"));
        EntityType type = EntityType.ofWire(a.enumValue("type", Set.of("user", "device")));
        if (a.has("connId")) {
            throw IrspException.badField(a.path("connId"), "connId is not allowed here");
        }
        return EntityRef.parse(type, a.string("id", 1, 200))
                .orElseThrow(() -> IrspException.badField(a.path("id"), "not a valid " + type.wire() + " ID"));
    }

    public static EstablishRequest establish(JsonFields body) {
        Kind kind = Kind.ofWire(body.enumValue("kind", KINDS)).orElseThrow();
        EntityRef target = entity(body, "target");
        EntityRef subject = body.has("subject") ? entity(body, "subject") : null;
        Role role = body.optionalEnum("role", Set.of("admin", "member", "owner")).map(r -> Role.ofWire(r).orElseThrow())
                .orElse(null);
        if (role == Role.OWNER) {
            throw IrspException.badField(body.path("role"), "owner cannot be requested");
        }
        Integer rights = body.optionalInteger("rights", 0, 63).map(Long::intValue).orElse(null);
        String code = body.optionalString("verificationCode", 1, 64).orElse(null);
        String note = body.optionalString("note", 0, 256).orElse(null);
        long maxExpiry = ConfigProvider.getConfig().getOptionalValue("irsp.relationship.maxExpirySeconds", Long.class).orElse(2592000L);
        long defaultExpiry = ConfigProvider.getConfig().getOptionalValue("irsp.relationship.defaultExpirySeconds", Long.class).orElse(604800L);
        long expiry = body.optionalInteger("expirySeconds", 60, maxExpiry).orElse(Math.min(defaultExpiry, maxExpiry));
        return new EstablishRequest(kind, target, subject, role, rights, code, note, expiry);
    }

    public static AnswerRequest answer(JsonFields body, boolean accept) {
        String requestId = body.string("requestId", 1, 64);
        if (!accept) {
            return new AnswerRequest(requestId, false, null, null, body.optionalString("reason", 0, 256).orElse(null));
        }
        Role role = body.optionalEnum("role", Set.of("admin", "member")).map(r -> Role.ofWire(r).orElseThrow()).orElse(null);
        Integer rights = body.optionalInteger("rights", 0, 63).map(Long::intValue).orElse(null);
        return new AnswerRequest(requestId, true, role, rights, null);
    }

    /**
     * A Table 2 ruling as the responder's reply: 200 with {relationshipId} for an accept ({} for a reject);
     * a refusal becomes the error of its rule (thrown after the boundary's transaction committed).
     */
    public static JsonObject answered(Ruling ruling, boolean accept) {
        if (ruling.retCode() != 200) {
            throw new IrspException(RetCode.of(ruling.retCode()), "Table 2 rule " + ruling.rule());
        }
        return accept && ruling.relationshipId() != null
                ? Wire.JSON.createObjectBuilder().add("relationshipId", ruling.relationshipId()).build()
                : JsonObject.EMPTY_JSON_OBJECT;
    }

    /** The 200 body of an establishment: {relationshipId, kind, role?, rights?}. */
    public static JsonObject created(Relationship r) {
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder().add("relationshipId", r.id()).add("kind", r.kind().wire());
        if (r.kind() == Kind.USER_DEVICE) {
            b.add("role", r.role().wire());
        }
        if (r.rights() != null && r.kind() != Kind.USER_USER) {
            b.add("rights", r.rights());
        }
        return b.build();
    }

    /** A RelationshipList item (§10.4). */
    public static JsonObject item(Listed l) {
        Relationship r = l.relationship();
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder().add("relationshipId", r.id()).add("kind", r.kind().wire())
                .add("peer", PushFrames.address(l.peer())).add("role", r.role().wire());
        if (r.rights() != null && r.kind() != Kind.USER_USER) {
            b.add("rights", r.rights());
        }
        if (l.presence() != null) {
            b.add("presence", l.presence().presence()).add("connCount", l.presence().connCount());
        }
        return b.add("createdAt", Timestamps.format(r.createdAt())).build();
    }

    private RelationshipJson() {}
}
