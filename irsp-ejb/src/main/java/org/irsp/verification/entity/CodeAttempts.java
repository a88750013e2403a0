package org.irsp.verification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * §10.2 step 4: wrong verification codes for one device. At {@code maxFailures} within the window the
 * device refuses further attempts (429) until the window that began with the first failure ends.
 */
@Entity
@Table(name = "IRSP_CODE_ATTEMPTS")
public class CodeAttempts {

    @Id
    @Column(length = 200)
    private String deviceId;

    private Instant windowStart;
    private int failures;

    protected CodeAttempts() {}

    public CodeAttempts(String deviceId) {
        this.deviceId = deviceId;
    }

    /** How long attempts stay refused, if they are refused at {@code now}. */
    public Optional<Duration> blockedFor(Instant now, int maxFailures, Duration window) {
        if (windowStart == null || !now.isBefore(windowStart.plus(window)) || failures < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, windowStart.plus(window)));
    }

    public void failed(Instant now, Duration window) {
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            failures = 0;
        }
        failures++;
    }
}
