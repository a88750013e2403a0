package org.irsp.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.registration.entity.LockoutPolicy;

/** §20 session and login timers, read once. */
@ApplicationScoped
public class SessionSettings {

    @Inject @ConfigProperty(name = "irsp.session.bindWindowSeconds", defaultValue = "60") int bindWindowSeconds;
    @Inject @ConfigProperty(name = "irsp.session.heartbeatSeconds", defaultValue = "60") int heartbeatSeconds;
    @Inject @ConfigProperty(name = "irsp.session.heartbeatMissLimit", defaultValue = "3") int heartbeatMissLimit;
    @Inject @ConfigProperty(name = "irsp.session.idleTimeoutSeconds", defaultValue = "900") int idleTimeoutSeconds;
    @Inject @ConfigProperty(name = "irsp.login.maxFailures", defaultValue = "5") int maxFailures;
    @Inject @ConfigProperty(name = "irsp.login.failureWindowSeconds", defaultValue = "900") int failureWindowSeconds;
    @Inject @ConfigProperty(name = "irsp.login.lockSeconds", defaultValue = "900") int lockSeconds;
    @Inject @ConfigProperty(name = "irsp.login.challengeTtlSeconds", defaultValue = "60") int challengeTtlSeconds;

    public Duration bindWindow() {
        return Duration.ofSeconds(bindWindowSeconds);
    }

    public int bindWindowSeconds() {
        return bindWindowSeconds;
    }

    public int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    /** Silence after which a bound connection is closed with 4002. */
    public Duration heartbeatTimeout() {
        return Duration.ofSeconds((long) heartbeatSeconds * heartbeatMissLimit);
    }

    public Duration idleTimeout() {
        return Duration.ofSeconds(idleTimeoutSeconds);
    }

    public LockoutPolicy lockout() {
        return new LockoutPolicy(maxFailures, Duration.ofSeconds(failureWindowSeconds), Duration.ofSeconds(lockSeconds));
    }

    public int challengeTtlSeconds() {
        return challengeTtlSeconds;
    }
}
