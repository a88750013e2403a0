package org.irsp.verification.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.verification.entity.CodeAttempts;

/**
 * §10.2 step 4: 429 after {@code irsp.vcode.maxFailures} wrong codes for a device within
 * {@code irsp.vcode.failureWindowSeconds}. Failures are recorded in their own transaction: the request
 * that carried the wrong code is refused, the failure still counts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CodeThrottle {

    @PersistenceContext EntityManager em;
    @Inject AuditLog audit;
    @Inject Clock clock;

    @Inject @ConfigProperty(name = "irsp.vcode.maxFailures", defaultValue = "5") int maxFailures;
    @Inject @ConfigProperty(name = "irsp.vcode.failureWindowSeconds", defaultValue = "3600") long windowSeconds;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void admit(String deviceId) {
        CodeAttempts attempts = em.find(CodeAttempts.class, deviceId);
        if (attempts != null) {
            attempts.blockedFor(clock.instant(), maxFailures, Duration.ofSeconds(windowSeconds)).ifPresent(left -> {
                throw IrspException.retryAfter(RetCode.RATE_LIMITED, left.toSeconds() + 1, "too many wrong codes for this device");
            });
        }
    }

    public void failed(String deviceId, String actor) {
        CodeAttempts attempts = em.find(CodeAttempts.class, deviceId);
        if (attempts == null) {
            attempts = new CodeAttempts(deviceId);
            em.persist(attempts);
        }
        attempts.failed(clock.instant(), Duration.ofSeconds(windowSeconds));
        audit.record(actor, null, "verificationCodeFailed", 403, deviceId);
    }
}
