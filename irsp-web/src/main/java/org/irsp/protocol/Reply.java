package org.irsp.protocol;

import jakarta.json.JsonObject;
import org.irsp.codes.RetCode;

/**
 * A handler's successful reply, and what must happen once it is on the wire. {@code type} overrides the
 * handler's reply type where it varies (a DataMessage gets an Ack, a DataMessageResponse or a MultiAck).
 */
public record Reply(String type, RetCode code, JsonObject body, Runnable then) {

    public Reply(RetCode code, JsonObject body, Runnable then) {
        this(null, code, body, then);
    }

    public static Reply ok(JsonObject body) {
        return new Reply(RetCode.OK, body, () -> {});
    }

    public static Reply ok(JsonObject body, Runnable then) {
        return new Reply(RetCode.OK, body, then);
    }
}
