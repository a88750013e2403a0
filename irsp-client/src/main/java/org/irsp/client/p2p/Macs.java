package org.irsp.client.p2p;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The §12 MACs: base64url (unpadded) HMAC-SHA256, compared in constant time. */
final class Macs {

    static String addrProbe(String token, String nonce, String ip, int port) {
        return hmac(token.getBytes(StandardCharsets.UTF_8), nonce + "|" + ip + "|" + port);
    }

    static String p2pProbe(String sessionKey, String requestId) {
        return hmac(Base64.getUrlDecoder().decode(sessionKey), requestId);
    }

    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Macs() {}
}
