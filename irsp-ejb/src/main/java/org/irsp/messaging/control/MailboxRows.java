package org.irsp.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.irsp.messaging.entity.OfflineQuota;
import org.irsp.schema.Migrations;

/**
 * The quota side of the offline queues (§11.1 486): one {@code IRSP_OFFLINE_MAILBOX} row per entity with
 * the count and stored bytes of its quota items. Room is taken before an item is stored and given back
 * when the item leaves the queue (acked, expired, moved aside, purged), so the quota is checked without
 * reading the queue. Taking room is one conditional update, outside any transaction, so the row is
 * locked only for that statement: concurrent stores for one recipient, from any node, are serialised on
 * the row and never pass {@link OfflineQuota}. An entity's first row is inserted where missing; a
 * concurrent insert of the same row is expected and ignored. (Plain SQL rather than an entity: the
 * rule is one statement, and each store saves a unit of work and a transaction of its own.)
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class MailboxRows {

    private static final String TAKE = "UPDATE IRSP_OFFLINE_MAILBOX SET MESSAGES = MESSAGES + 1, BYTES = BYTES + ?"
            + " WHERE ENTITYKEY = ? AND MESSAGES + 1 <= ? AND BYTES + ? <= ?";
    private static final String GIVE_BACK = "UPDATE IRSP_OFFLINE_MAILBOX"
            + " SET MESSAGES = CASE WHEN MESSAGES > 0 THEN MESSAGES - 1 ELSE 0 END,"
            + " BYTES = CASE WHEN BYTES > ? THEN BYTES - ? ELSE 0 END WHERE ENTITYKEY = ?";
    private static final String CREATE = "INSERT INTO IRSP_OFFLINE_MAILBOX (ENTITYKEY, MESSAGES, BYTES) SELECT ?, 0, 0"
            + " WHERE NOT EXISTS (SELECT 1 FROM IRSP_OFFLINE_MAILBOX WHERE ENTITYKEY = ?)";
    /** SQLSTATE of a duplicate key, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource database;

    /** Takes room for an item of {@code sizeBytes}; false, and nothing taken, when the quota has none. */
    public boolean reserve(String entityKey, int sizeBytes, OfflineQuota quota) {
        try (Connection c = database.getConnection()) {
            if (take(c, entityKey, sizeBytes, quota)) {
                return true;
            }
            return create(c, entityKey) && take(c, entityKey, sizeBytes, quota);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reserve room in the offline mailbox of " + entityKey + ": " + e.getMessage(), e);
        }
    }

    /** Gives back the room of an item of {@code sizeBytes} that was not stored after all. */
    public void release(String entityKey, int sizeBytes) {
        try (Connection c = database.getConnection()) {
            giveBack(c, entityKey, sizeBytes);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give back room in the offline mailbox of " + entityKey + ": " + e.getMessage(), e);
        }
    }

    /** Gives back the room of an item of {@code sizeBytes} on {@code c}, in whatever transaction it is in; never below zero. */
    static void giveBack(Connection c, String entityKey, int sizeBytes) throws SQLException {
        try (PreparedStatement give = c.prepareStatement(GIVE_BACK)) {
            give.setLong(1, sizeBytes);
            give.setLong(2, sizeBytes);
            give.setString(3, entityKey);
            give.executeUpdate();
        }
    }

    /** Forgets the entity's row on {@code c}, in whatever transaction it is in. */
    static void drop(Connection c, String entityKey) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM IRSP_OFFLINE_MAILBOX WHERE ENTITYKEY = ?")) {
            delete.setString(1, entityKey);
            delete.executeUpdate();
        }
    }

    private static boolean take(Connection c, String entityKey, int sizeBytes, OfflineQuota quota) throws SQLException {
        try (PreparedStatement take = c.prepareStatement(TAKE)) {
            take.setLong(1, sizeBytes);
            take.setString(2, entityKey);
            take.setInt(3, quota.maxMessages());
            take.setLong(4, sizeBytes);
            take.setLong(5, quota.maxBytes());
            return take.executeUpdate() == 1;
        }
    }

    /** Whether the row had to be made (by this call or a concurrent one); false when it existed: the quota is full. */
    private static boolean create(Connection c, String entityKey) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(CREATE)) {
            insert.setString(1, entityKey);
            insert.setString(2, entityKey);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true; // created meanwhile by another store
            }
            throw e;
        }
    }
}
