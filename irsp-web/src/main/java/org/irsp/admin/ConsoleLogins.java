package org.irsp.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.registration.entity.LockoutPolicy;
import org.irsp.registration.entity.LoginFailures;

/**
 * Brute-force protection of the console's sign-in, by the §8.1 rule the protocol applies to its own
 * logins: the {@code irsp.admin.maxFailures}-th wrong password within {@code irsp.admin.failureWindowSeconds}
 * locks the user name for {@code irsp.admin.lockSeconds}, during which even the right password is refused.
 * Kept on this node (a cluster would keep it in the shared cache, like the other counters).
 */
@ApplicationScoped
public class ConsoleLogins {

    @Inject @ConfigProperty(name = "irsp.admin.maxFailures", defaultValue = "5") int maxFailures;
    @Inject @ConfigProperty(name = "irsp.admin.failureWindowSeconds", defaultValue = "900") long windowSeconds;
    @Inject @ConfigProperty(name = "irsp.admin.lockSeconds", defaultValue = "900") long lockSeconds;
    @Inject Clock clock;

    private final ConcurrentMap<String, LoginFailures> byName = new ConcurrentHashMap<>();

    public Optional<Duration> lockRemaining(String name) {
        LoginFailures f = byName.get(name);
        return f == null ? Optional.empty() : f.lockRemaining(clock.instant());
    }

    /** Counts a wrong password; true if this one locked the name. */
    public boolean failed(String name) {
        Instant now = clock.instant();
        return byName.computeIfAbsent(name, n -> new LoginFailures())
                .recordFailure(now, new LockoutPolicy(maxFailures, Duration.ofSeconds(windowSeconds), Duration.ofSeconds(lockSeconds)));
    }

    public void succeeded(String name) {
        byName.remove(name);
    }
}
