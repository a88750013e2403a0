package org.irsp.verification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** §10.2 step 4: five wrong codes within the window block attempts until the window ends. */
class CodeAttemptsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theFifthFailureBlocksForTheRestOfTheWindow() {
        CodeAttempts a = new CodeAttempts("d");
        for (int i = 0; i < 4; i++) {
            a.failed(T0.plusSeconds(i), HOUR);
            assertTrue(a.blockedFor(T0.plusSeconds(i), 5, HOUR).isEmpty());
        }
        a.failed(T0.plusSeconds(10), HOUR);
        assertEquals(Duration.ofSeconds(3590), a.blockedFor(T0.plusSeconds(10), 5, HOUR).orElseThrow());
        assertTrue(a.blockedFor(T0.plus(HOUR), 5, HOUR).isEmpty());
    }

    @Test
    void failuresInANewWindowStartAgain() {
        CodeAttempts a = new CodeAttempts("d");
        for (int i = 0; i < 4; i++) {
            a.failed(T0, HOUR);
        }
        a.failed(T0.plus(HOUR), HOUR);
        assertTrue(a.blockedFor(T0.plus(HOUR), 5, HOUR).isEmpty());
    }
}
