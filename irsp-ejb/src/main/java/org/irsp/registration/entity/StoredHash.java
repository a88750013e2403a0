package org.irsp.registration.entity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A PBKDF2 hash as Jakarta Security stores it: {@code algorithm:iterations:salt:key} (base64). For a
 * device, the key K is what the §8.2 challenge-response proof is computed with.
 */
public record StoredHash(String algorithm, int iterations, byte[] salt, byte[] key) {

    public static StoredHash parse(String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a PBKDF2 hash");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new StoredHash(parts[0], Integer.parseInt(parts[1]), b64.decode(parts[2]), b64.decode(parts[3]));
    }

    public String saltBase64() {
        return Base64.getEncoder().encodeToString(salt);
    }

    /** Checks {@code proof = base64(HMAC-SHA256(K, nonce + deviceId))} in constant time. */
    public boolean acceptsProof(String proof, String nonce, String canonicalDeviceId) {
        byte[] expected = Base64.getEncoder().encode(hmac(nonce + canonicalDeviceId));
        return MessageDigest.isEqual(expected, proof.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
