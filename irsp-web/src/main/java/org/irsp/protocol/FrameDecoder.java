package org.irsp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.irsp.codes.EnvelopeRules;
import org.irsp.codes.IrspException;
import org.irsp.codes.JsonInput;
import org.irsp.codes.RetCode;

/**
 * Steps 3–6 of the §6.5 pipeline as one pure function of the frame's text: size, one JSON object
 * (within {@link JsonInput}'s depth), major version, then type, msgId and well-formed Unicode. Either
 * the envelope or the refusal to answer with an Ack, never an exception: it is fuzzed as it is.
 */
public final class FrameDecoder {

    /** What became of a frame: exactly one of {@code frame} and {@code refusal} is set. */
    public record Decoded(Envelope frame, String respTo, IrspException refusal) {}

    /** {@code utf8Bytes}: the frame's UTF-8 length, counted once by the endpoint for this limit and the metrics. */
    public static Decoded decode(String text, long utf8Bytes, int maxFrameBytes) {
        JsonObject json = null;
        IrspException notAnObject = null;
        try {
            json = JsonInput.parseObject(text);
        } catch (IrspException refused) {
            notAnObject = refused;
        }
        String msgIdIfAny = json != null && json.get("msgId") instanceof JsonString s && EnvelopeRules.isMsgId(s.getString()) ? s.getString() : null;
        if (utf8Bytes > maxFrameBytes) {                                                             // 3
            return refused(msgIdIfAny, new IrspException(RetCode.TOO_LARGE, "frame too large"));
        }
        if (json == null) {                                                                          // 4
            return refused(null, notAnObject);
        }
        try {
            EnvelopeRules.requireVersion(json.get("v"));                                             // 5
        } catch (IrspException unsupported) {
            return refused(msgIdIfAny, unsupported);
        }
        if (!(json.get("type") instanceof JsonString t) || t.getString().isEmpty()) {                  // 6
            return refused(msgIdIfAny, IrspException.badField("type", "type is mandatory"));
        }
        if (msgIdIfAny == null) {
            return refused(null, IrspException.badField("msgId", "msgId must be 1-64 printable ASCII characters"));
        }
        try {
            JsonInput.requireWellFormed(text, json);
        } catch (IrspException malformed) {
            return refused(msgIdIfAny, malformed);
        }
        return new Decoded(new Envelope(t.getString(), msgIdIfAny, json), null, null);
    }

    private static Decoded refused(String respTo, IrspException refusal) {
        return new Decoded(null, respTo, refusal);
    }

    private FrameDecoder() {}
}
