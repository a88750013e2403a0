package org.irsp.registration.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.AccountDisabled;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/**
 * What the admin console does to accounts (PROTOCOL §17): find them by ID prefix, disable them (their
 * sessions end and their connections close with 4003; logins get 403 until enabled again) and enable
 * them. Every action is audited under the administrator's name.
 */
@Stateless
public class AccountAdministration {

    @PersistenceContext EntityManager em;
    @Inject Accounts accounts;
    @Inject AuditLog audit;
    @Inject Event<AccountDisabled> disabled;

    /** Accounts whose ID starts with {@code prefix} (case-insensitive), users and/or devices, by ID. */
    public List<Account> search(String prefix, EntityType type, int limit) {
        String jpql = "select a from " + (type == null ? "Account" : type == EntityType.USER ? "UserAccount" : "DeviceAccount")
                + " a where lower(a.id) like :p order by a.id";
        return em.createQuery(jpql, Account.class)
                .setParameter("p", prefix.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .setMaxResults(limit).getResultList();
    }

    public Account get(EntityRef entity) {
        return accounts.find(entity).orElseThrow(() -> new IrspException(RetCode.NOT_FOUND, "unknown account"));
    }

    public void disable(EntityRef entity, String admin, String clientIp) {
        get(entity).disable();
        disabled.fire(new AccountDisabled(entity));
        audit.record("admin:" + admin, clientIp, "admin.disable", 200, entity.key());
    }

    public void enable(EntityRef entity, String admin, String clientIp) {
        get(entity).enable();
        audit.record("admin:" + admin, clientIp, "admin.enable", 200, entity.key());
    }
}
