package org.irsp.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.irsp.messaging.entity.Mailbox;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.messaging.entity.OfflineQuota;

/** {@link Mailbox} rows changed in transactions of their own: a reservation holds its row's lock only that long. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailboxRows {

    @PersistenceContext EntityManager em;
    @Inject MailboxCreation creation;

    public boolean reserve(String entityKey, OfflineItem item, OfflineQuota quota) {
        Mailbox mailbox = em.find(Mailbox.class, entityKey, LockModeType.PESSIMISTIC_WRITE);
        if (mailbox == null) {
            creation.create(entityKey);
            mailbox = em.find(Mailbox.class, entityKey, LockModeType.PESSIMISTIC_WRITE);
        }
        return mailbox.admit(item, quota);
    }

    public void release(String entityKey, int sizeBytes) {
        Mailbox mailbox = em.find(Mailbox.class, entityKey, LockModeType.PESSIMISTIC_WRITE);
        if (mailbox != null) {
            mailbox.released(sizeBytes);
        }
    }
}
