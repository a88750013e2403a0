package org.irsp.messaging.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.messaging.entity.Mailbox;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.messaging.entity.OfflineQuota;

/**
 * The quota side of the offline queues ({@link Mailbox}, one database row per entity). Room is reserved
 * in a short transaction of its own that locks the recipient's row, so concurrent stores, on any node,
 * take turns and never overshoot; the caller's transaction then stores the item, and gives the room back
 * if it rolls back. Room comes back in the transaction that removes the item.
 */
@Stateless
public class Mailboxes {

    @PersistenceContext EntityManager em;
    @Inject MailboxRows rows;
    @Resource TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "irsp.offline.maxMessages", defaultValue = "1000")
    int maxMessages;

    @Inject
    @ConfigProperty(name = "irsp.offline.maxBytes", defaultValue = "10485760")
    long maxBytes;

    /**
     * Reserves room for {@code item} in {@code recipientKey}'s queue (committed at once); false when the
     * quota has none. If the caller's transaction does not commit, the room is given back.
     */
    public boolean reserve(String recipientKey, OfflineItem item) {
        if (!item.countsTowardQuota()) {
            return true;
        }
        if (!rows.reserve(recipientKey, item, new OfflineQuota(maxMessages, maxBytes))) {
            return false;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    rows.release(recipientKey, item.sizeBytes());
                }
            }
        });
        return true;
    }

    /** Gives back, in the caller's transaction, the room of a quota item that leaves {@code recipientKey}'s queue. */
    public void released(String recipientKey, String kind, int sizeBytes) {
        if (OfflineItem.Kind.MESSAGE.name().equals(kind)) {
            Mailbox mailbox = em.find(Mailbox.class, recipientKey, LockModeType.PESSIMISTIC_WRITE);
            if (mailbox != null) {
                mailbox.released(sizeBytes);
            }
        }
    }

    /** Forgets the entity's mailbox: its queue was purged with the account (§7.6). */
    public void dropped(String entityKey) {
        Mailbox mailbox = em.find(Mailbox.class, entityKey, LockModeType.PESSIMISTIC_WRITE);
        if (mailbox != null) {
            em.remove(mailbox);
        }
    }
}
