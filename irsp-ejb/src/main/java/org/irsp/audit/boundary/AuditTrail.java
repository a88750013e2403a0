package org.irsp.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.irsp.audit.entity.AuditRecord;

/** Reading the audit log (§14) for operators: newest first, filtered by actor and action prefix. */
@Stateless
public class AuditTrail {

    @PersistenceContext EntityManager em;

    public List<AuditRecord> search(String actor, String actionPrefix, int limit) {
        StringBuilder jpql = new StringBuilder("select r from AuditRecord r where 1 = 1");
        if (actor != null && !actor.isBlank()) {
            jpql.append(" and r.actor = :actor");
        }
        if (actionPrefix != null && !actionPrefix.isBlank()) {
            jpql.append(" and r.action like :action");
        }
        TypedQuery<AuditRecord> q = em.createQuery(jpql.append(" order by r.at desc, r.id desc").toString(), AuditRecord.class);
        if (actor != null && !actor.isBlank()) {
            q.setParameter("actor", actor);
        }
        if (actionPrefix != null && !actionPrefix.isBlank()) {
            q.setParameter("action", actionPrefix.replace("%", "") + "%");
        }
        return q.setMaxResults(limit).getResultList();
    }
}
