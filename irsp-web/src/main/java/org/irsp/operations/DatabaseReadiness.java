package org.irsp.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Startup;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.irsp.schema.Migrations;

/** Ready only once deployed and while {@code jdbc/irsp} hands out a connection that answers within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource database;

    @Inject @Startup Deployment deployment;

    @Override
    public HealthCheckResponse call() {
        return deployment.isComplete() ? probe() : Deployment.notDeployed("database");
    }

    /** The database's answer alone, whether or not the application is deployed. */
    public HealthCheckResponse probe() {
        try (Connection c = database.getConnection()) {
            return HealthCheckResponse.named("database").status(c.isValid(2))
                    .withData("product", c.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException | RuntimeException e) {
            // a RuntimeException too: while the application is still starting the container may refuse the lookup,
            // and a check that throws is left out of the answer instead of counting as DOWN
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
