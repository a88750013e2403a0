package org.irsp.session.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.irsp.registration.entity.EntityRef;
import org.junit.jupiter.api.Test;

class LoginSessionTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration IDLE = Duration.ofSeconds(900);

    private final LoginSession session = new LoginSession("Yx3kP0sQ8vT2mW9aLr4nBg", "digest", EntityRef.user("alice"), T0);

    @Test
    void connIdIsBindableOnlyWithinTheWindow() {
        assertTrue(session.isInBindWindow(T0.plusSeconds(59), WINDOW));
        assertFalse(session.isInBindWindow(T0.plusSeconds(60), WINDOW));
    }

    @Test
    void aSessionBindsOnce() {
        session.bind(T0, "node1");
        assertTrue(session.isBound());
        assertThrows(IllegalStateException.class, () -> session.bind(T0.plusSeconds(1), "node1"));
    }

    @Test
    void anUnboundSessionIdlesOutButABoundOneLivesUntilItEnds() {
        assertTrue(session.isActive(T0.plusSeconds(899), IDLE));
        assertFalse(session.isActive(T0.plusSeconds(900), IDLE));
        session.touch(T0.plusSeconds(800));
        assertTrue(session.isActive(T0.plusSeconds(1600), IDLE));
        session.bind(T0.plusSeconds(10), "node1");
        assertTrue(session.isActive(T0.plusSeconds(100_000), IDLE));
        session.end(T0.plusSeconds(100_001));
        assertFalse(session.isActive(T0.plusSeconds(100_001), IDLE));
        assertFalse(session.isInBindWindow(T0.plusSeconds(1), WINDOW));
    }

    /** Use is recorded at most once a second, and only while it can still idle out. */
    @Test
    void aUseIsWorthRecordingOnlyForAnUnboundSessionAndNotTwiceInASecond() {
        assertFalse(session.isTouchDue(T0.plusMillis(999)));
        assertTrue(session.isTouchDue(T0.plusSeconds(1)));
        session.touch(T0.plusSeconds(1));
        assertFalse(session.isTouchDue(T0.plusMillis(1500)));
        session.bind(T0.plusSeconds(2), "node1");
        assertFalse(session.isTouchDue(T0.plusSeconds(60)));
    }
}
