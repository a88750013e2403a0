package org.irsp.nat.entity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The §12 message authentication codes: base64url (unpadded) HMAC-SHA256. */
public final class ProbeMac {

    /** AddrProbeResponse: keyed with the UTF-8 token of the probing connection's session, over {@code nonce|ip|port}. */
    public static String addrProbe(String token, String nonce, String ip, int port) {
        return hmac(token.getBytes(StandardCharsets.UTF_8), nonce + "|" + ip + "|" + port);
    }

    /** P2PProbe/P2PProbeAck: keyed with the decoded 32-byte session key, over the requestId. */
    public static String p2pProbe(String sessionKey, String requestId) {
        return hmac(Base64.getUrlDecoder().decode(sessionKey), requestId);
    }

    /** Constant-time comparison of two MACs. */
    public static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private ProbeMac() {}
}
