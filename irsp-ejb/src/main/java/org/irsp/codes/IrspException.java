package org.irsp.codes;

import jakarta.ejb.ApplicationException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal with its RetCode, a human reason and the §5.2 details. Thrown by entities and boundaries,
 * rolled back, and turned into a reply in exactly one place per binding (REST mapper, WS dispatcher).
 */
@ApplicationException(rollback = true)
public class IrspException extends RuntimeException {

    private final RetCode retCode;
    private final Map<String, Object> details;

    public IrspException(RetCode retCode, String reason, Map<String, Object> details) {
        super(reason);
        this.retCode = retCode;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public IrspException(RetCode retCode, String reason) {
        this(retCode, reason, Map.of());
    }

    /** 400 (or another code that names a field) with {@code details.field}. */
    public static IrspException field(RetCode retCode, String field, String reason) {
        return new IrspException(retCode, reason, Map.of("field", field));
    }

    public static IrspException badField(String field, String reason) {
        return field(RetCode.BAD_REQUEST, field, reason);
    }

    public static IrspException retryAfter(RetCode retCode, long seconds, String reason) {
        return new IrspException(retCode, reason, Map.of("retryAfter", Math.max(1, seconds)));
    }

    /** The same refusal with {@code details.field} put under {@code prefix} (a body field named over WebSocket). */
    public IrspException underField(String prefix) {
        if (!(details.get("field") instanceof String field)) {
            return this;
        }
        Map<String, Object> moved = new LinkedHashMap<>(details);
        moved.put("field", prefix + "." + field);
        return new IrspException(retCode, getMessage(), moved);
    }

    public RetCode retCode() {
        return retCode;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The §5.2 {@code details} object: numbers stay numbers, lists become string arrays. */
    public JsonObject detailsJson() {
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder();
        details.forEach((k, v) -> {
            if (v instanceof Number n) {
                b.add(k, n.longValue());
            } else if (v instanceof List<?> list) {
                b.add(k, Wire.JSON.createArrayBuilder(list.stream().map(String::valueOf).toList()));
            } else {
                b.add(k, String.valueOf(v));
            }
        });
        return b.build();
    }
}
