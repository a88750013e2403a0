package org.irsp.protocol;

import jakarta.json.JsonObject;
import org.irsp.codes.RetCode;

/** A handler's successful reply, and what must happen once it is on the wire. */
public record Reply(RetCode code, JsonObject body, Runnable then) {

    public static Reply ok(JsonObject body) {
        return new Reply(RetCode.OK, body, () -> {});
    }

    public static Reply ok(JsonObject body, Runnable then) {
        return new Reply(RetCode.OK, body, then);
    }
}
