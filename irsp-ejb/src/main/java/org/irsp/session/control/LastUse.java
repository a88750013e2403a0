package org.irsp.session.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.irsp.session.entity.LoginSession;

/**
 * Records a session's last use (§8.3 idle expiry) in a transaction of its own, so that many requests
 * carrying one token at once never fail for it: when two record at the same moment one of them loses the
 * optimistic lock, and its caller, whose use was recorded by the other, goes on.
 */
@Stateless
public class LastUse {

    @PersistenceContext EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String connId, Instant now) {
        LoginSession s = em.find(LoginSession.class, connId);
        if (s != null) {
            s.touch(now);
        }
    }
}
