package org.irsp.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.irsp.audit.entity.AuditRecord;

/**
 * Appends audit records (§14). A record joins the caller's transaction, so it exists exactly when the
 * change it describes does. A refusal whose transaction rolls back is recorded with
 * {@link #recordRefusal}, in a transaction of its own. Never records secrets.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void record(String actor, String clientIp, String action, int outcome, String detail) {
        em.persist(new AuditRecord(clock.instant(), actor, clientIp, action, outcome, detail));
    }

    /** For a refusal that is about to roll its caller's transaction back. */
    @Transactional(TxType.REQUIRES_NEW)
    public void recordRefusal(String actor, String clientIp, String action, int outcome, String detail) {
        record(actor, clientIp, action, outcome, detail);
    }
}
