package org.irsp.registration.entity;

import java.util.Optional;

/** §7.1/§7.2 credential rules: passwords 8–128 code points from enough character classes; secrets long enough. */
public record CredentialPolicy(int passwordMinClasses, int secretMinLength) {

    public Optional<String> violationOfPassword(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < 8 || length > 128 || classes(password) < passwordMinClasses) {
            return Optional.of("password: 8-128 characters from at least " + passwordMinClasses
                    + " of {lower case, upper case, digit, other}");
        }
        return Optional.empty();
    }

    public Optional<String> violationOfSecret(String secret) {
        int length = secret.codePointCount(0, secret.length());
        if (length < secretMinLength || length > 128) {
            return Optional.of("secret: " + secretMinLength + "-128 characters");
        }
        return Optional.empty();
    }

    private static int classes(String s) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
