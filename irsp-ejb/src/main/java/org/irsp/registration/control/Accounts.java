package org.irsp.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.registration.entity.UserAccount;

/** Loads accounts by canonical reference. */
@ApplicationScoped
@Transactional
public class Accounts {

    @PersistenceContext
    EntityManager em;

    public Optional<Account> find(EntityRef ref) {
        Class<? extends Account> type = ref.type() == EntityType.USER ? UserAccount.class : DeviceAccount.class;
        return Optional.ofNullable(em.find(type, ref.id()));
    }

    public Account get(EntityRef ref) {
        return find(ref).orElseThrow(() -> new IrspException(RetCode.NOT_FOUND, "unknown " + ref.type().wire()));
    }
}
