package org.irsp.client.p2p;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SDK's framing of the direct path (§12.3 leaves it to application profiles): one datagram per
 * message, {@code 0x01 | 12-byte random nonce | AES-256-GCM(sessionKey) ciphertext with 16-byte tag}.
 * The associated data binds the datagram to the request and to the sender's role, so a datagram can be
 * neither moved to another session nor reflected back to its sender.
 */
final class Sealer {

    static final byte VERSION = 0x01;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String requestId;

    Sealer(String sessionKey, String requestId) {
        this.key = new SecretKeySpec(Base64.getUrlDecoder().decode(sessionKey), "AES");
        this.requestId = requestId;
    }

    byte[] seal(byte[] plain, String senderRole) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(aad(senderRole));
            byte[] sealed = gcm.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext, or null if the datagram is not one of this session's from {@code senderRole}. */
    byte[] open(byte[] datagram, int length, String senderRole) {
        if (length < 1 + NONCE + TAG_BITS / 8 || datagram[0] != VERSION) {
            return null;
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(datagram, 1, 1 + NONCE)));
            gcm.updateAAD(aad(senderRole));
            return gcm.doFinal(datagram, 1 + NONCE, length - 1 - NONCE);
        } catch (AEADBadTagException forged) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] aad(String senderRole) {
        return ("irsp-p2p|" + requestId + "|" + senderRole).getBytes(StandardCharsets.UTF_8);
    }
}
