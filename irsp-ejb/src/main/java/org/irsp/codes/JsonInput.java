package org.irsp.codes;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Map;

/**
 * The one gate for JSON text a client or an enterprise system sends: WebSocket frames, REST bodies and
 * JMS pushes all pass it before anything reads a field. It enforces IRSP's own limits rather than the
 * parser's: at most {@link #MAX_DEPTH} nested objects and arrays, a size in UTF-8 bytes, and well-formed
 * Unicode (a lone UTF-16 surrogate, written as a {@code \ud800} escape, cannot be encoded on the way out
 * and is refused with 400 naming the field). Refusals are {@link IrspException}s and nothing else: no
 * parser exception, and no input text in a reason, escapes it.
 */
public final class JsonInput {

    /** Objects and arrays nested deeper than this are refused (400, {@code details.field} {@code $}). */
    public static final int MAX_DEPTH = 64;

    /** Parses, within {@code maxBytes} (else 413), one JSON object whose strings are well-formed. */
    public static JsonObject read(String text, long maxBytes) {
        if (text != null && utf8Length(text) > maxBytes) {
            throw new IrspException(RetCode.TOO_LARGE, "larger than " + maxBytes + " bytes");
        }
        JsonObject object = parseObject(text);
        requireWellFormed(text, object);
        return object;
    }

    /** One JSON object within the depth limit, or 400 on {@code $}; its strings are not checked yet. */
    public static JsonObject parseObject(String text) {
        if (text == null || tooDeep(text)) {
            throw IrspException.badField("$", text == null ? "a JSON object is required"
                    : "not a JSON object of at most " + MAX_DEPTH + " nested levels");
        }
        try (JsonParser parser = Wire.JSON.createParser(new StringReader(text))) {
            if (parser.hasNext() && parser.next() == JsonParser.Event.START_OBJECT) {
                JsonObject object = parser.getObject();
                if (!parser.hasNext()) {
                    return object;
                }
            }
        } catch (RuntimeException notJson) {
            // any parser failure is the client's: the text is not one JSON object and nothing after it
        }
        throw IrspException.badField("$", "not a JSON object");
    }

    /**
     * 400 naming the first field (by §1 path) of {@code object}, parsed from {@code text}, whose name or
     * value holds a lone surrogate. The tree is walked only when the text has an escape or a surrogate.
     */
    public static void requireWellFormed(String text, JsonObject object) {
        if (!mayHoldSurrogates(text)) {
            return;
        }
        String bad = firstMalformed(object, "");
        if (bad != null) {
            throw IrspException.field(RetCode.BAD_REQUEST, bad.isEmpty() ? "$" : bad,
                    "not well-formed Unicode (a lone UTF-16 surrogate)");
        }
    }

    /** The UTF-8 size of {@code s}, counting a lone surrogate as the one byte an encoder would replace it with. */
    public static long utf8Length(CharSequence s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }

    private static boolean mayHoldSurrogates(String text) {
        if (text.indexOf("\\u") >= 0) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String firstMalformed(JsonValue value, String path) {
        if (value instanceof JsonString s) {
            return isWellFormed(s.getString()) ? null : path;
        }
        if (value instanceof JsonObject o) {
            for (Map.Entry<String, JsonValue> field : o.entrySet()) {
                String at = (path.isEmpty() ? "" : path + ".") + printable(field.getKey());
                String bad = isWellFormed(field.getKey()) ? firstMalformed(field.getValue(), at) : at;
                if (bad != null) {
                    return bad;
                }
            }
        } else if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                String bad = firstMalformed(a.get(i), path + "[" + i + "]");
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A field name fit to be echoed in {@code details.field}: lone surrogates become U+FFFD. */
    private static String printable(String name) {
        if (isWellFormed(name)) {
            return name;
        }
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> b.appendCodePoint(Character.isSurrogate((char) cp) && cp < 0x10000 ? 0xFFFD : cp));
        return b.toString();
    }

    /** Whether objects and arrays nest deeper than {@link #MAX_DEPTH}, counted outside string literals. */
    private static boolean tooDeep(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    return true;
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return false;
    }

    private JsonInput() {}
}
