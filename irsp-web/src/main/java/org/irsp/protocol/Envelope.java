package org.irsp.protocol;

import jakarta.json.JsonObject;

/** A client frame that passed §6.5 steps 3–6: its type, msgId and the whole object. */
public record Envelope(String type, String msgId, JsonObject json) {

    public JsonFields body() {
        JsonObject body = json.containsKey("body") && json.get("body") instanceof JsonObject o ? o : JsonObject.EMPTY_JSON_OBJECT;
        return JsonFields.of(body, "body");
    }

    public JsonFields fields() {
        return JsonFields.of(json, "");
    }
}
