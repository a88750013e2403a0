package org.irsp.messaging.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.irsp.schema.Migrations;

/**
 * Creates an entity's first {@code Mailbox} row, in a transaction of its own. Plain JDBC: the insert adds
 * the row only where it is missing, and when a concurrent store (on any node) inserted it at the same
 * moment, this insert's duplicate-key failure is expected, rolled back quietly, and the caller locks the
 * row the other one made.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailboxCreation {

    private static final String INSERT = "INSERT INTO IRSP_OFFLINE_MAILBOX (ENTITYKEY, MESSAGES, BYTES) SELECT ?, 0, 0"
            + " WHERE NOT EXISTS (SELECT 1 FROM IRSP_OFFLINE_MAILBOX WHERE ENTITYKEY = ?)";

    /** SQLSTATE of a duplicate key, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource database;

    @Resource
    SessionContext context;

    public void create(String entityKey) {
        try (Connection c = database.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setString(1, entityKey);
            insert.setString(2, entityKey);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create the offline mailbox of " + entityKey + ": " + e.getMessage(), e);
            }
            context.setRollbackOnly(); // created meanwhile
        }
    }
}
