package org.irsp.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.cluster.control.Grid;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;

/**
 * §7.3: at most {@code irsp.register.ratePerMinute} registrations per client IP per minute, counted in a
 * fixed one-minute window per IP that starts with its first registration. In a cluster the windows are
 * the data grid's (map {@value #MAP}, "start count" per IP), so every node counts against the same limit.
 */
@ApplicationScoped
public class RegistrationThrottle {

    private record Window(Instant start, int count) {

        Window after(Instant now) {
            return !now.isBefore(start.plus(MINUTE)) ? new Window(now, 1) : new Window(start, count + 1);
        }

        String text() {
            return start.toEpochMilli() + " " + count;
        }

        static Window parse(String text) {
            int space = text.indexOf(' ');
            return new Window(Instant.ofEpochMilli(Long.parseLong(text.substring(0, space))), Integer.parseInt(text.substring(space + 1)));
        }
    }

    static final String MAP = "irsp.register";

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "irsp.register.ratePerMinute", defaultValue = "10")
    int ratePerMinute;

    @Inject
    Clock clock;

    @Inject
    Grid grid;

    public void admit(String clientIp) {
        Instant now = clock.instant();
        Window w = counted(clientIp, now);
        if (w.count > ratePerMinute) {
            long wait = Duration.between(now, w.start.plus(MINUTE)).toSeconds() + 1;
            throw IrspException.retryAfter(RetCode.RATE_LIMITED, wait, "too many registrations from this address");
        }
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().start.plus(MINUTE)));
        }
    }

    private Window counted(String clientIp, Instant now) {
        if (!grid.isOn()) {
            return windows.compute(clientIp, (ip, old) -> old == null ? new Window(now, 1) : old.after(now));
        }
        String text = grid.update(MAP, clientIp, old -> (old == null ? new Window(now, 1) : Window.parse(old).after(now)).text(),
                2 * MINUTE.toSeconds());
        return Window.parse(text);
    }
}
