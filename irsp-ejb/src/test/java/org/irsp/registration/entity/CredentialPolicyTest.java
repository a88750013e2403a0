package org.irsp.registration.entity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialPolicyTest {

    private final CredentialPolicy policy = new CredentialPolicy(2, 16);

    @Test
    void passwordsNeedLengthAndEnoughCharacterClasses() {
        assertTrue(policy.violationOfPassword("Tr0ub4dor&3").isEmpty());
        assertTrue(policy.violationOfPassword("abcdefgh1").isEmpty());
        assertTrue(policy.violationOfPassword("abcdefghij").isPresent());
        assertTrue(policy.violationOfPassword("Ab1").isPresent());
        assertTrue(policy.violationOfPassword("Ab1".repeat(43)).isPresent());
    }

    @Test
    void secretsNeedTheMinimumLength() {
        assertTrue(policy.violationOfSecret("s3cret-device-0001").isEmpty());
        assertTrue(policy.violationOfSecret("short").isPresent());
    }
}
