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
import org.irsp.cluster.control.Grid;
import org.irsp.registration.entity.LockoutPolicy;
import org.irsp.registration.entity.LoginFailures;

/**
 * Brute-force protection of the console's sign-in, by the §8.1 rule the protocol applies to its own
 * logins: the {@code irsp.admin.maxFailures}-th wrong password within {@code irsp.admin.failureWindowSeconds}
 * locks the user name for {@code irsp.admin.lockSeconds}, during which even the right password is refused.
 * In a cluster the counters are the data grid's (map {@value #MAP}, as text), so a name locked through one
 * node is locked on all of them.
 */
@ApplicationScoped
public class ConsoleLogins {

    @Inject @ConfigProperty(name = "irsp.admin.maxFailures", defaultValue = "5") int maxFailures;
    @Inject @ConfigProperty(name = "irsp.admin.failureWindowSeconds", defaultValue = "900") long windowSeconds;
    @Inject @ConfigProperty(name = "irsp.admin.lockSeconds", defaultValue = "900") long lockSeconds;
    @Inject Clock clock;
    @Inject Grid grid;

    static final String MAP = "irsp.console.logins";

    private final ConcurrentMap<String, LoginFailures> byName = new ConcurrentHashMap<>();

    public Optional<Duration> lockRemaining(String name) {
        LoginFailures f = grid.isOn() ? LoginFailures.parse(grid.map(MAP).get(name)) : byName.get(name);
        return f == null ? Optional.empty() : f.lockRemaining(clock.instant());
    }

    /** Counts a wrong password; true if this one locked the name. */
    public boolean failed(String name) {
        Instant now = clock.instant();
        LockoutPolicy policy = new LockoutPolicy(maxFailures, Duration.ofSeconds(windowSeconds), Duration.ofSeconds(lockSeconds));
        if (!grid.isOn()) {
            return byName.computeIfAbsent(name, n -> new LoginFailures()).recordFailure(now, policy);
        }
        boolean[] locked = new boolean[1];
        grid.update(MAP, name, text -> {
            LoginFailures f = LoginFailures.parse(text);
            locked[0] = f.recordFailure(now, policy);
            return f.text();
        }, Math.max(windowSeconds, lockSeconds));
        return locked[0];
    }

    public void succeeded(String name) {
        if (grid.isOn()) {
            grid.remove(MAP, name);
        } else {
            byName.remove(name);
        }
    }
}
