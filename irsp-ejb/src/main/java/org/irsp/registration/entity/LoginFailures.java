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

    public synchronized void recordSuccess() {
        failedLogins = 0;
        failureWindowStart = null;
        lockedUntil = null;
    }
}
