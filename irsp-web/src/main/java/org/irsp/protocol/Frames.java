package org.irsp.protocol;

import org.irsp.codes.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import org.irsp.codes.EnvelopeRules;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.codes.Timestamps;
import org.irsp.session.boundary.Bound;
import org.irsp.session.control.Tokens;

/** Builds the IRSP's frames (§6.2): v, msgId, source irsp, targets = [recipient with connId], ts. */
public final class Frames {

    public static final String V = EnvelopeRules.VERSION;

    /** A reply to {@code respTo}: success with a body, or an error with reason and details. */
    public static String reply(String type, String respTo, RetCode code, JsonObject body, Connection to) {
        JsonObjectBuilder f = start(type, to);
        if (respTo != null) {
            f.add("respTo", respTo);
        }
        f.add("retCode", code.code());
        if (code.code() >= 300) {
            f.add("reason", code.name().toLowerCase().replace('_', ' ')).add("details", JsonObject.EMPTY_JSON_OBJECT);
        }
        if (body != null) {
            f.add("body", body);
        }
        return f.build().toString();
    }

    public static String error(String type, String respTo, IrspException e, Connection to) {
        JsonObjectBuilder f = start(type, to);
        if (respTo != null) {
            f.add("respTo", respTo);
        }
        f.add("retCode", e.retCode().code())
                .add("reason", e.getMessage() == null ? e.retCode().name() : e.getMessage())
                .add("details", e.detailsJson());
        return f.build().toString();
    }

    /** Completes a partial frame stored by an earlier version ({@link org.irsp.push.entity.Legacy}): fields it has are kept. */
    static JsonObject completeLegacy(JsonObject partial, Bound to, Instant now) {
        JsonObjectBuilder f = Wire.JSON.createObjectBuilder().add("v", V);
        partial.forEach(f::add);
        if (!partial.containsKey("msgId")) {
            f.add("msgId", newMsgId());
        }
        if (!partial.containsKey("source")) {
            f.add("source", Wire.JSON.createObjectBuilder().add("type", "irsp"));
        }
        if (to != null) {
            f.add("targets", Wire.JSON.createArrayBuilder().add(recipient(to)));
        }
        if (!partial.containsKey("ts")) {
            f.add("ts", Timestamps.format(now));
        }
        return f.build();
    }

    private static JsonObjectBuilder start(String type, Connection to) {
        JsonObjectBuilder f = Wire.JSON.createObjectBuilder().add("v", V).add("type", type).add("msgId", newMsgId())
                .add("source", Wire.JSON.createObjectBuilder().add("type", "irsp"));
        if (to != null && to.isBound()) {
            f.add("targets", Wire.JSON.createArrayBuilder().add(recipient(to.bound())));
        }
        return f.add("ts", Timestamps.format(Instant.now()));
    }

    static JsonObjectBuilder recipient(Bound b) {
        return Wire.JSON.createObjectBuilder().add("type", b.entity().type().wire()).add("id", b.entity().id())
                .add("connId", b.connId());
    }

    public static String newMsgId() {
        return "s-" + Tokens.random(12);
    }

    private Frames() {}
}
