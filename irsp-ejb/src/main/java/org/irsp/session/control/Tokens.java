package org.irsp.session.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** §4.1 random identifiers from SecureRandom, base64url without padding, and token digests. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 16 bytes: 22 characters. */
    public static String connId() {
        return random(16);
    }

    /** 32 bytes: 43 characters. */
    public static String token() {
        return random(32);
    }

    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Tokens() {}
}
