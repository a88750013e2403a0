package org.irsp.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, at start-up and before anything else
 * uses the database: Flyway applies the scripts in {@code db/migration} (H2 and PostgreSQL alike) that
 * the history table {@code irsp_schema_history} does not list yet. A failure stops the deployment
 * with the reason, instead of a server that accepts traffic on a wrong schema.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    /** The JNDI name of IRSP's database, a JDBC resource the server defines (docs/OPERATIONS.md). */
    public static final String DATA_SOURCE = "jdbc/irsp";

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource)
                    .locations("classpath:db/migration").table("irsp_schema_history").load().migrate();
            LOG.log(Level.INFO, "database schema at version {0} ({1} migrations applied now, {2})",
                    new Object[] {result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                            result.migrationsExecuted, result.database});
        } catch (FlywayException e) {
            throw new IllegalStateException("database schema migration on " + DATA_SOURCE + " failed: " + e.getMessage(), e);
        }
    }
}
