package org.irsp.nat.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.irsp.codes.Wire;

/**
 * §12.2 AddrProbe: {@code {"type":"AddrProbe","connId","nonce"}} in one UDP datagram of at most 512 bytes,
 * answered with the address and port the IRSP saw it come from, authenticated with the session's token.
 * Anything else is not a probe and gets no answer.
 */
public record AddrProbe(String connId, String nonce) {

    public static final int MAX_DATAGRAM = 512;
    private static final Pattern BASE64URL_22 = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** The probe in {@code data[0..length)}, or empty for anything that is not a well-formed one. */
    public static Optional<AddrProbe> parse(byte[] data, int length) {
        if (length > MAX_DATAGRAM || length < 2) {
            return Optional.empty();
        }
        try (var reader = Wire.JSON.createReader(new StringReader(new String(data, 0, length, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject o) || !"AddrProbe".equals(text(o, "type"))) {
                return Optional.empty();
            }
            String connId = text(o, "connId");
            String nonce = text(o, "nonce");
            if (connId == null || nonce == null || !BASE64URL_22.matcher(connId).matches()
                    || !BASE64URL_22.matcher(nonce).matches()) {
                return Optional.empty();
            }
            return Optional.of(new AddrProbe(connId, nonce));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** The AddrProbeResponse datagram for an observation of {@code ip:port}. */
    public byte[] reply(String token, String ip, int port) {
        return Wire.JSON.createObjectBuilder().add("type", "AddrProbeResponse").add("nonce", nonce).add("ip", ip)
                .add("port", port).add("mac", ProbeMac.addrProbe(token, nonce, ip, port)).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
