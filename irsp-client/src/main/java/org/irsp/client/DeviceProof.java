package org.irsp.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * §8.2 on the device side: the key {@code K = PBKDF2-HMAC-SHA256(secret, salt, iterations, 32 bytes)}, which
 * a device may derive once and keep, and the proof over a challenge's nonce,
 * {@code base64(HMAC-SHA256(K, nonce + deviceId))}.
 */
public final class DeviceProof {

    /** K for the salt (base64) and iterations a challenge names. */
    public static byte[] key(String secret, String salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), Base64.getDecoder().decode(salt), iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The proof a login carries with the nonce; {@code deviceId} as the IRSP spells it (canonical). */
    public static String proof(byte[] key, String nonce, String deviceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((nonce + deviceId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private DeviceProof() {}
}
