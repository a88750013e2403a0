package org.irsp.messaging.entity;

import org.irsp.codes.Wire;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.irsp.codes.IrspException;
import org.irsp.codes.JsonInput;
import org.irsp.codes.RetCode;
import org.irsp.codes.Timestamps;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/** A validated §15.1 enterprise push, and the frames it becomes: a live ServerPushNotify or a stored message. */
public record PushRequest(String msgId, String system, List<EntityRef> targets, boolean guaranteed, long ttlSeconds,
        JsonObject body, String ts) {

    /**
     * The limits a push is held to: the offline TTL (irsp.offline.defaultTtlSeconds / .maxTtlSeconds) and,
     * as it becomes a frame, the frame size (irsp.ws.maxFrameBytes, else 413).
     */
    public record Limits(long defaultTtlSeconds, long maxTtlSeconds, long maxBytes) {}

    public static PushRequest parse(String text, Limits limits) {
        JsonObject m = JsonInput.read(text, limits.maxBytes());
        JsonValue v = m.get("v");
        if (v != null && v != JsonValue.NULL && (!(v instanceof JsonString vs) || !vs.getString().matches("1(\\.\\d+)?"))) {
            throw new IrspException(RetCode.VERSION, "unsupported version", Map.of("supported", List.of("1.0")));
        }
        if (has(m, "type") && !"ServerPushNotify".equals(string(m, "type"))) {
            throw IrspException.badField("type", "type must be ServerPushNotify or absent");
        }
        String msgId = has(m, "msgId") ? string(m, "msgId") : null;
        if (msgId == null || !msgId.matches("[\\x21-\\x7E]{1,64}")) {
            throw IrspException.badField("msgId", "msgId must be 1-64 printable ASCII characters");
        }
        String system = "";
        if (has(m, "source")) {
            if (!(m.get("source") instanceof JsonObject src) || !"irsp".equals(src.getString("type", null))) {
                throw IrspException.badField("source", "source must be {\"type\":\"irsp\",\"id\"?}");
            }
            if (has(src, "id")) {
                system = src.get("id") instanceof JsonString s && s.getString().codePointCount(0, s.getString().length()) <= 64
                        ? s.getString() : null;
                if (system == null) {
                    throw IrspException.badField("source.id", "source.id must be a string of at most 64 characters");
                }
            }
        }
        List<EntityRef> targets = targets(m);
        String delivery = has(m, "delivery") ? string(m, "delivery") : "instant";
        if (!delivery.equals("instant") && !delivery.equals("offline")) {
            throw IrspException.badField("delivery", "delivery must be instant or offline");
        }
        long ttl = limits.defaultTtlSeconds();
        if (has(m, "ttl")) {
            if (!(m.get("ttl") instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1 || n.longValue() > limits.maxTtlSeconds()) {
                throw IrspException.badField("ttl", "ttl must be an integer in 1.." + limits.maxTtlSeconds());
            }
            ttl = n.longValue();
        }
        JsonObject body = JsonObject.EMPTY_JSON_OBJECT;
        if (has(m, "body")) {
            if (!(m.get("body") instanceof JsonObject b)) {
                throw IrspException.badField("body", "body must be an object");
            }
            body = b;
        }
        String ts = has(m, "ts") && m.get("ts") instanceof JsonString s ? s.getString() : Timestamps.format(Instant.now());
        return new PushRequest(msgId, system, targets, delivery.equals("offline"), ttl, body, ts);
    }

    private static List<EntityRef> targets(JsonObject m) {
        if (!(m.get("targets") instanceof JsonArray a) || a.isEmpty() || a.size() > 100) {
            throw IrspException.badField("targets", "targets must hold 1-100 user or device addresses");
        }
        List<EntityRef> targets = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String path = "targets[" + i + "]";
            if (!(a.get(i) instanceof JsonObject t) || !(t.get("type") instanceof JsonString type)) {
                throw IrspException.badField(path + ".type", "an address needs a type");
            }
            if (!type.getString().equals("user") && !type.getString().equals("device")) {
                throw IrspException.badField(path + ".type", "only user and device targets are allowed");
            }
            String id = t.get("id") instanceof JsonString s ? s.getString() : null;
            targets.add(EntityRef.parse(EntityType.ofWire(type.getString()), id)
                    .orElseThrow(() -> IrspException.badField(path + ".id", "invalid ID")));
        }
        return targets;
    }

    /** The ServerPushNotify forwarded live (§11.6); with a deliveryId when it is held until acked. */
    public JsonObject liveFrame(String deliveryId) {
        JsonObjectBuilder f = Wire.JSON.createObjectBuilder().add("type", "ServerPushNotify").add("msgId", msgId)
                .add("source", source()).add("ts", ts).add("delivery", guaranteed ? "offline" : "instant");
        if (guaranteed) {
            f.add("ttl", ttlSeconds).add("deliveryId", deliveryId);
        }
        return f.add("body", body).build();
    }

    /** The {@code message} of an OfflineMessageDelivery (§11.5). */
    public JsonObject storedMessage(EntityRef recipient) {
        return Wire.JSON.createObjectBuilder().add("v", "1.0").add("type", "ServerPushNotify").add("msgId", msgId)
                .add("source", source())
                .add("targets", Wire.JSON.createArrayBuilder().add(Wire.JSON.createObjectBuilder()
                        .add("type", recipient.type().wire()).add("id", recipient.id())))
                .add("ts", ts).add("needResponse", false).add("delivery", "offline").add("ttl", ttlSeconds)
                .add("body", body).build();
    }

    private JsonObjectBuilder source() {
        JsonObjectBuilder s = Wire.JSON.createObjectBuilder().add("type", "irsp");
        return system.isEmpty() ? s : s.add("id", system);
    }

    private static boolean has(JsonObject o, String name) {
        return o.containsKey(name) && o.get(name) != JsonValue.NULL;
    }

    private static String string(JsonObject o, String name) {
        if (!(o.get(name) instanceof JsonString s)) {
            throw IrspException.badField(name, name + " must be a string");
        }
        return s.getString();
    }
}
