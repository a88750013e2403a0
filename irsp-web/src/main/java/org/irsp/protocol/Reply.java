package org.irsp.protocol;

import jakarta.json.JsonObject;
import java.util.concurrent.CompletionStage;
import org.irsp.codes.RetCode;

/**
 * A handler's successful reply, and what must happen once it is on the wire. {@code type} overrides the
 * handler's reply type where it varies (a DataMessage gets an Ack, a DataMessageResponse or a MultiAck).
 * A reply {@link #later} is known when its stage completes (null: none is due, as from a handler that
 * returns null); the connection goes on to its next frame meanwhile.
 */
public record Reply(String type, RetCode code, JsonObject body, Runnable then, CompletionStage<Reply> later) {

    public Reply(String type, RetCode code, JsonObject body, Runnable then) {
        this(type, code, body, then, null);
    }

    public Reply(RetCode code, JsonObject body, Runnable then) {
        this(null, code, body, then);
    }

    public static Reply later(CompletionStage<Reply> reply) {
        return new Reply(null, null, null, () -> {}, reply);
    }

    public static Reply ok(JsonObject body) {
        return new Reply(RetCode.OK, body, () -> {});
    }

    public static Reply ok(JsonObject body, Runnable then) {
        return new Reply(RetCode.OK, body, then);
    }
}
