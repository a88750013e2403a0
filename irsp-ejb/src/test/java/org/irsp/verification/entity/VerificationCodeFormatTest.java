package org.irsp.verification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerificationCodeFormatTest {

    @Test
    void dashesAndCaseAreIgnored() {
        assertEquals("7KQ4MZ2TXH9P", VerificationCodeFormat.normalise("7kq4-mz2t-xh9p").orElseThrow());
    }

    @Test
    void ambiguousLettersAndWrongLengthsAreRefused() {
        assertTrue(VerificationCodeFormat.normalise("ABCD0123").isEmpty());
        assertTrue(VerificationCodeFormat.normalise("ABCDEFGI").isEmpty());
        assertTrue(VerificationCodeFormat.normalise("ABC2345").isEmpty());
        assertTrue(VerificationCodeFormat.normalise("A".repeat(33)).isEmpty());
    }

    @Test
    void generatedCodesHaveTheConfiguredLengthAndAlphabet() {
        String code = VerificationCodeFormat.generate(12);
        assertEquals(code, VerificationCodeFormat.normalise(code).orElseThrow());
        assertEquals(12, code.length());
    }
}
