package org.irsp.cli;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.irsp.client.Wire;

/** What the command line gives as JSON and addresses, read strictly. */
final class Json {

    /** A JSON object given on the command line, e.g. {@code {"op":"control","power":"on"}}. */
    static JsonObject object(String text, String what) {
        try {
            return Wire.JSON.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Failure.Usage(what + " is not a JSON object: " + text);
        }
    }

    /** {@code user:ID}, {@code device:ID} or {@code irsp} as a message address (a device ID may hold colons). */
    static JsonObject address(String text) {
        if ("irsp".equals(text)) {
            return Wire.JSON.createObjectBuilder().add("type", "irsp").build();
        }
        int colon = text.indexOf(':');
        String type = colon < 0 ? "" : text.substring(0, colon);
        if (!type.equals("user") && !type.equals("device") || colon == text.length() - 1) {
            throw new Failure.Usage("a target is user:ID, device:ID or irsp, not " + text);
        }
        return Wire.JSON.createObjectBuilder().add("type", type).add("id", text.substring(colon + 1)).build();
    }

    private Json() {}
}
