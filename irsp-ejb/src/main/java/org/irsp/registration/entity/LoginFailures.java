package org.irsp.registration.entity;

import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The lockout counter of §8.1 for one login name: the {@code maxFailures}-th failure within the window
 * locks the name for {@code lockFor}, and a success starts over. Embedded in every {@link Account}, and
 * used as it is for the admin console's login.
 */
@Embeddable
public class LoginFailures {

    private int failedLogins;
    private Instant failureWindowStart;
    private Instant lockedUntil;

    /** Remaining lock time, if the name is locked at {@code now}. */
    public synchronized Optional<Duration> lockRemaining(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil)
                ? Optional.of(Duration.between(now, lockedUntil))
                : Optional.empty();
    }

    /** Counts a failure; true if it locked the name. */
    public synchronized boolean recordFailure(Instant now, LockoutPolicy policy) {
        if (failureWindowStart == null || !now.isBefore(failureWindowStart.plus(policy.window()))) {
            failureWindowStart = now;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins < policy.maxFailures()) {
            return false;
        }
        lockedUntil = now.plus(policy.lockFor());
        failedLogins = 0;
        failureWindowStart = null;
        return true;
    }

    /** The counter as text ("failures windowStartMillis lockedUntilMillis", 0 for none), for a store outside this JVM. */
    public synchronized String text() {
        return failedLogins + " " + millis(failureWindowStart) + " " + millis(lockedUntil);
    }

    public static LoginFailures parse(String text) {
        LoginFailures f = new LoginFailures();
        if (text != null) {
            String[] p = text.split(" ");
            f.failedLogins = Integer.parseInt(p[0]);
            f.failureWindowStart = instant(Long.parseLong(p[1]));
            f.lockedUntil = instant(Long.parseLong(p[2]));
        }
        return f;
    }

    private static long millis(Instant i) {
        return i == null ? 0 : i.toEpochMilli();
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    public synchronized void recordSuccess() {
        failedLogins = 0;
        failureWindowStart = null;
        lockedUntil = null;
    }
}
