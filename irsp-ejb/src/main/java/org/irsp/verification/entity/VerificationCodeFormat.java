package org.irsp.verification.entity;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/** §10.5: codes are 8–32 Crockford base32 characters without 0, 1, I, L, O, U; '-' ignored, case-insensitive. */
public final class VerificationCodeFormat {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final String FORMAT = "8-32 characters from " + ALPHABET + " (case-insensitive, '-' ignored)";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The normalised code (dashes removed, upper case), or empty when the format is invalid. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String code = raw.replace("-", "").toUpperCase(Locale.ROOT);
        if (code.length() < 8 || code.length() > 32) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    public static String generate(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private VerificationCodeFormat() {}
}
