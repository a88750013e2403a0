package org.irsp.messaging.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.irsp.codes.EnvelopeRules;
import org.irsp.codes.IrspException;
import org.irsp.codes.JsonInput;
import org.irsp.codes.Timestamps;
import org.irsp.push.entity.ServerPush;
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
        EnvelopeRules.requireVersion(m.get("v"));
        if (has(m, "type") && !"ServerPushNotify".equals(string(m, "type"))) {
            throw IrspException.badField("type", "type must be ServerPushNotify or absent");
        }
        String msgId = has(m, "msgId") ? string(m, "msgId") : null;
        if (!EnvelopeRules.isMsgId(msgId)) {
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

    /** The ServerPushNotify for one recipient (§11.6), live or stored. */
    public ServerPush to(EntityRef recipient) {
        return new ServerPush(msgId, system, recipient, ts, guaranteed, ttlSeconds, body, null);
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
