package org.irsp.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.irsp.audit.entity.AuditRecord;

/**
 * Appends audit records in their own transaction, so that refused operations (a failed login, a wrong
 * code) are recorded although the operation itself rolls back. Never records secrets.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void record(String actor, String clientIp, String action, int outcome, String detail) {
        em.persist(new AuditRecord(clock.instant(), actor, clientIp, action, outcome, detail));
    }
}
