package org.irsp.registration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountLockoutTest {

    private static final LockoutPolicy POLICY = new LockoutPolicy(5, Duration.ofSeconds(900), Duration.ofSeconds(900));
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void fifthFailureWithinTheWindowLocksForTheLockTime() {
        Account a = new UserAccount("alice", "hash", T0);
        for (int i = 0; i < 4; i++) {
            a.recordLoginFailure(T0.plusSeconds(i), POLICY);
            assertFalse(a.lockRemaining(T0.plusSeconds(i)).isPresent());
        }
        a.recordLoginFailure(T0.plusSeconds(10), POLICY);
        assertEquals(Duration.ofSeconds(900), a.lockRemaining(T0.plusSeconds(10)).orElseThrow());
        assertTrue(a.lockRemaining(T0.plusSeconds(909)).isPresent());
        assertFalse(a.lockRemaining(T0.plusSeconds(910)).isPresent());
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        Account a = new UserAccount("alice", "hash", T0);
        for (int i = 0; i < 4; i++) {
            a.recordLoginFailure(T0, POLICY);
        }
        a.recordLoginFailure(T0.plusSeconds(901), POLICY);
        assertFalse(a.lockRemaining(T0.plusSeconds(901)).isPresent());
    }

    @Test
    void successResetsTheCount() {
        Account a = new UserAccount("alice", "hash", T0);
        for (int i = 0; i < 4; i++) {
            a.recordLoginFailure(T0, POLICY);
        }
        a.recordLoginSuccess();
        a.recordLoginFailure(T0, POLICY);
        assertFalse(a.lockRemaining(T0).isPresent());
    }

    @Test
    void aCounterReadBackFromItsTextGoesOnCountingAndStaysLocked() {
        LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(15), Duration.ofMinutes(15));
        Instant t0 = Instant.parse("2025-03-01T09:00:00Z");
        LoginFailures f = LoginFailures.parse(null);
        f.recordFailure(t0, policy);
        f = LoginFailures.parse(f.text());
        f.recordFailure(t0.plusSeconds(1), policy);
        f = LoginFailures.parse(f.text());
        assertTrue(f.recordFailure(t0.plusSeconds(2), policy), "the third failure locks");
        LoginFailures read = LoginFailures.parse(f.text());
        assertEquals(Optional.of(Duration.ofMinutes(15).minusSeconds(1)), read.lockRemaining(t0.plusSeconds(3)));
    }
}
