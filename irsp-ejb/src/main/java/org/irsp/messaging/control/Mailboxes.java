package org.irsp.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.messaging.entity.OfflineQuota;
import org.irsp.schema.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The quota of the offline queues ({@link MailboxRows}) as the stores and removals see it: room taken at
 * once for an item stored in the caller's transaction is given back if that transaction does not
 * commit; room taken for an item stored at once ({@link OfflineQueue#storeNow}) is given back if its send
 * fails; room comes back in the transaction that removes an item.
 */
@ApplicationScoped
public class Mailboxes {

    @Resource(lookup = Migrations.DATA_SOURCE) DataSource database;
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
        if (!rows.reserve(recipientKey, item.sizeBytes(), new OfflineQuota(maxMessages, maxBytes))) {
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

    /** Takes room for {@code item} at once, whatever becomes of the caller's transaction; false when the quota has none. */
    @Transactional(TxType.NOT_SUPPORTED)
    public boolean take(String recipientKey, OfflineItem item) {
        return !item.countsTowardQuota() || rows.reserve(recipientKey, item.sizeBytes(), new OfflineQuota(maxMessages, maxBytes));
    }

    /** Gives back at once the room {@link #take} took for an item that was not stored after all. */
    @Transactional(TxType.NOT_SUPPORTED)
    public void giveBack(String recipientKey, OfflineItem item) {
        if (item.countsTowardQuota()) {
            rows.release(recipientKey, item.sizeBytes());
        }
    }

    /** Gives back, in the caller's transaction, the room of a quota item that leaves {@code recipientKey}'s queue. */
    public void released(String recipientKey, String kind, int sizeBytes) {
        if (OfflineItem.Kind.MESSAGE.name().equals(kind)) {
            try (Connection c = database.getConnection()) {
                MailboxRows.giveBack(c, recipientKey, sizeBytes);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot give back room in the offline mailbox of " + recipientKey, e);
            }
        }
    }

    /** Forgets the entity's mailbox, in the caller's transaction: its queue was purged with the account (§7.6). */
    public void dropped(String entityKey) {
        try (Connection c = database.getConnection()) {
            MailboxRows.drop(c, entityKey);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the offline mailbox of " + entityKey, e);
        }
    }
}
