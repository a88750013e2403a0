package org.irsp.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The database of the server under test: the embedded H2 pool by default, or, with
 * {@code -Dirsp.it.db=postgres}, a PostgreSQL database of its own on 127.0.0.1:5432 (trust auth, user
 * postgres), created before the first start and dropped after the last stop. Either way the server
 * sees it as the JDBC resource {@code jdbc/irsp}, exactly as an operator would configure it.
 */
final class TestDatabase {

    static final boolean POSTGRES = "postgres".equals(System.getProperty("irsp.it.db", "h2"));
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static String name;

    static synchronized void create() throws SQLException {
        if (!POSTGRES || name != null) {
            return;
        }
        name = "irsp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
    }

    static synchronized void drop() throws SQLException {
        if (name == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        name = null;
    }

    /** The postboot lines that define {@code jdbc/irsp}. */
    static String postbootCommands() {
        if (!POSTGRES) {
            return "create-jdbc-resource --connectionpoolid H2Pool jdbc/irsp\n";
        }
        return "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                + " --restype javax.sql.DataSource --property serverName=127.0.0.1:portNumber=5432:databaseName=" + name
                + ":user=postgres:password=trust IrspPostgresPool\n"
                + "create-jdbc-resource --connectionpoolid IrspPostgresPool jdbc/irsp\n";
    }

    /** Payara Micro options: the PostgreSQL driver on the server's class path. */
    static List<String> microOptions(Path dir) {
        return POSTGRES ? List.of("--addlibs", dir.resolve("postgresql.jar").toString()) : List.of();
    }

    private TestDatabase() {}
}
