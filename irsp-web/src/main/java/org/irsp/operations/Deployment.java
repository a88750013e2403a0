package org.irsp.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.irsp.operations.gate.ApplicationGate;

/**
 * {@code /health/started}: UP once the application is deployed (its start-up singletons have run: schema
 * migrated, broker reached), DOWN again as soon as it begins to stop. The readiness checks say DOWN
 * while this does, so no load balancer sends traffic to a node that is still deploying or leaving; the
 * JVM-wide mark it sets tells {@code irsp-readiness.war}'s {@link ApplicationGate} the same.
 */
@Startup
@ApplicationScoped
public class Deployment implements HealthCheck {

    private volatile boolean complete;

    @Inject @Readiness DatabaseReadiness database;
    @Inject @Readiness BrokerReadiness broker;

    /**
     * Creates the readiness checks here, inside the application, before saying so: one first created by
     * a health request while the application is still starting cannot reach its resources, and Payara
     * leaves a check that fails that way out of the answer, which would then read UP.
     */
    void deployed(@Observes @Initialized(ApplicationScoped.class) Object application) {
        database.probe();
        broker.probe();
        complete = true;
        System.setProperty(ApplicationGate.DEPLOYED, "true");
    }

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        System.clearProperty(ApplicationGate.DEPLOYED);
        complete = false;
    }

    public boolean isComplete() {
        return complete;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("deployment").status(complete).build();
    }

    /** The response of a readiness check while the application is not (or no longer) deployed. */
    static HealthCheckResponse notDeployed(String name) {
        return HealthCheckResponse.named(name).down().withData("error", "IRSP is not deployed").build();
    }
}
