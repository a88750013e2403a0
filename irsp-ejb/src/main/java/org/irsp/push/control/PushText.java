package org.irsp.push.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.JsonObject;
import org.irsp.codes.JsonInput;
import org.irsp.push.entity.Legacy;
import org.irsp.push.entity.Push;

/**
 * A push as text, for the command queue of a node ({@code irsp.node.<name>}) and the offline queue: JSON-B of the typed
 * value, with the kind under {@code push}. This is IRSP's own transport and storage form, not the wire
 * frame (irsp-web's codec writes that from the decoded value).
 */
public final class PushText {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    public static String write(Push push) {
        return JSONB.toJson(push); // the runtime type: Yasson writes the kind only then
    }

    public static Push read(String text) {
        return JSONB.fromJson(text, Push.class);
    }

    /** An offline item's text: a push, or the partial frame an earlier version stored ({@link Legacy}). */
    public static Push readStored(String text) {
        try {
            return read(text);
        } catch (JsonbException notAPush) {
            JsonObject partial = JsonInput.parseObject(text);
            if (partial.containsKey("push") || !partial.containsKey("type")) {
                throw notAPush;
            }
            return new Legacy(partial);
        }
    }

    private PushText() {}
}
