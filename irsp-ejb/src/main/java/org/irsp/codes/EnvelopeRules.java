package org.irsp.codes;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The envelope rules every binding applies alike (§4.1, §6.2, §5.1, §15.1): the protocol version a
 * message may carry and the syntax of a msgId. The WebSocket decoder, the REST version header and the
 * JMS push reader all ask here.
 */
public final class EnvelopeRules {

    /** The version the IRSP speaks and writes. */
    public static final String VERSION = "1.0";

    private static final Pattern SAME_MAJOR = Pattern.compile("1(\\.\\d+)?");
    private static final Pattern MSG_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    /** §4.1: 1–64 printable ASCII characters. */
    public static boolean isMsgId(String s) {
        return s != null && MSG_ID.matcher(s).matches();
    }

    /** A version of the major version 1 ({@code 1}, {@code 1.0}, {@code 1.7}). */
    public static boolean isSupported(String version) {
        return SAME_MAJOR.matcher(version).matches();
    }

    /** A {@code v} field: absent or null means 1.0; anything but a supported version string is 505. */
    public static void requireVersion(JsonValue v) {
        if (v != null && v != JsonValue.NULL && (!(v instanceof JsonString s) || !isSupported(s.getString()))) {
            throw unsupportedVersion();
        }
    }

    /** 505 with {@code details.supported}. */
    public static IrspException unsupportedVersion() {
        return new IrspException(RetCode.VERSION, "unsupported version", Map.of("supported", List.of(VERSION)));
    }

    private EnvelopeRules() {}
}
