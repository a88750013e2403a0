package org.irsp.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.codes.JsonInput;

/**
 * Reads fields of a JSON object by the §1 rules: a missing mandatory field, a wrong type or a value
 * outside its constraints is a 400 naming the field by path; {@code null} means absent; lengths are
 * counted in code points; integers carry no fraction.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String prefix;

    private JsonFields(JsonObject object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    /** Parses a request body through the one input gate ({@link JsonInput}): one well-formed JSON object, else 400. */
    public static JsonFields parse(String text) {
        return new JsonFields(JsonInput.read(text == null ? "" : text, Long.MAX_VALUE), "");
    }

    public static JsonFields of(JsonObject object, String path) {
        return new JsonFields(object, path.isEmpty() ? "" : path + ".");
    }

    public JsonObject object() {
        return object;
    }

    public String path(String name) {
        return prefix + name;
    }

    public boolean has(String name) {
        JsonValue v = object.get(name);
        return v != null && v.getValueType() != JsonValue.ValueType.NULL;
    }

    public String string(String name, int minLength, int maxLength) {
        return optionalString(name, minLength, maxLength)
                .orElseThrow(() -> IrspException.badField(path(name), name + " is mandatory"));
    }

    public Optional<String> optionalString(String name, int minLength, int maxLength) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(object.get(name) instanceof JsonString s)) {
            throw IrspException.badField(path(name), name + " must be a string");
        }
        String value = s.getString();
        int length = value.codePointCount(0, value.length());
        if (length < minLength || length > maxLength) {
            throw IrspException.badField(path(name), name + " must have " + minLength + "-" + maxLength + " characters");
        }
        return Optional.of(value);
    }

    public Optional<String> optionalEnum(String name, Set<String> allowed) {
        Optional<String> value = optionalString(name, 0, Integer.MAX_VALUE);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw IrspException.badField(path(name), name + " must be one of " + allowed);
        }
        return value;
    }

    public String enumValue(String name, Set<String> allowed) {
        return optionalEnum(name, allowed)
                .orElseThrow(() -> IrspException.badField(path(name), name + " is mandatory"));
    }

    public Optional<Boolean> optionalBoolean(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonValue v = object.get(name);
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return Optional.of(v == JsonValue.TRUE);
        }
        throw IrspException.badField(path(name), name + " must be a boolean");
    }

    public Optional<Long> optionalInteger(String name, long min, long max) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(object.get(name) instanceof JsonNumber n) || !n.isIntegral()) {
            throw IrspException.badField(path(name), name + " must be an integer");
        }
        try {
            long value = n.bigDecimalValue().longValueExact();
            if (value < min || value > max) {
                throw IrspException.badField(path(name), name + " must be in " + min + ".." + max);
            }
            return Optional.of(value);
        } catch (ArithmeticException tooBig) {
            throw IrspException.badField(path(name), name + " must be in " + min + ".." + max);
        }
    }

    public Optional<List<String>> optionalStrings(String name, int maxItems, int minLength, int maxLength) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(object.get(name) instanceof JsonArray array) || array.size() > maxItems) {
            throw IrspException.badField(path(name), name + " must be an array of at most " + maxItems + " strings");
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path(name) + "[" + i + "]";
            if (!(array.get(i) instanceof JsonString s)) {
                throw IrspException.badField(itemPath, "must be a string");
            }
            int length = s.getString().codePointCount(0, s.getString().length());
            if (length < minLength || length > maxLength) {
                throw IrspException.badField(itemPath, "must have " + minLength + "-" + maxLength + " characters");
            }
            items.add(s.getString());
        }
        return Optional.of(items);
    }

    public Optional<JsonFields> optionalObject(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(object.get(name) instanceof JsonObject o)) {
            throw IrspException.badField(path(name), name + " must be an object");
        }
        return Optional.of(new JsonFields(o, path(name) + "."));
    }

    /** A mandatory array of at most {@code maxItems} objects, each read with its path ({@code name[i]}). */
    public List<JsonFields> objects(String name, int maxItems) {
        if (!has(name)) {
            throw IrspException.badField(path(name), name + " is mandatory");
        }
        if (!(object.get(name) instanceof JsonArray array) || array.size() > maxItems) {
            throw IrspException.badField(path(name), name + " must be an array of at most " + maxItems + " objects");
        }
        List<JsonFields> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path(name) + "[" + i + "]";
            if (!(array.get(i) instanceof JsonObject o)) {
                throw IrspException.badField(itemPath, "must be an object");
            }
            items.add(new JsonFields(o, itemPath + "."));
        }
        return items;
    }

    /** Rejects any of {@code names} that is present: a known field the operation does not allow (§7.4). */
    public void forbid(Set<String> names) {
        for (String name : object.keySet()) {
            if (names.contains(name) && has(name)) {
                throw IrspException.badField(path(name), name + " cannot be changed here");
            }
        }
    }
}
