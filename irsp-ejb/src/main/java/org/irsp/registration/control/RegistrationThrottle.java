package org.irsp.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;

/**
 * §7.3: at most {@code irsp.register.ratePerMinute} registrations per client IP per minute, counted in a
 * fixed one-minute window per IP. Node-local: on a cluster each node counts its own share.
 */
@ApplicationScoped
public class RegistrationThrottle {

    private record Window(Instant start, int count) {}

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "irsp.register.ratePerMinute", defaultValue = "10")
    int ratePerMinute;

    @Inject
    Clock clock;

    public void admit(String clientIp) {
        Instant now = clock.instant();
        Window w = windows.compute(clientIp, (ip, old) -> old == null || !now.isBefore(old.start.plus(MINUTE))
                ? new Window(now, 1)
                : new Window(old.start, old.count + 1));
        if (w.count > ratePerMinute) {
            long wait = Duration.between(now, w.start.plus(MINUTE)).toSeconds() + 1;
            throw IrspException.retryAfter(RetCode.RATE_LIMITED, wait, "too many registrations from this address");
        }
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().start.plus(MINUTE)));
        }
    }
}
