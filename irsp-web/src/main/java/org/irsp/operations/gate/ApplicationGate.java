package org.irsp.operations.gate;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The only class of {@code irsp-readiness.war}, a tiny application deployed before the resource adapter.
 * Payara answers {@code /health/ready} UP, with no checks at all, once any application is deployed, and it
 * counts {@code irsp-ra.rar} as one: from the adapter's deployment until IRSP's WAR has registered its own
 * checks, a load balancer would be told the node is ready. This check says DOWN through that window. IRSP's
 * {@code Deployment} marks the JVM when the application is deployed and clears the mark when it stops.
 */
@Readiness
@ApplicationScoped
public class ApplicationGate implements HealthCheck {

    /** The JVM system property IRSP sets to {@code true} while it is deployed. */
    public static final String DEPLOYED = "org.irsp.deployed";

    @Override
    public HealthCheckResponse call() {
        boolean deployed = Boolean.getBoolean(DEPLOYED);
        return HealthCheckResponse.named("application").status(deployed)
                .withData("irsp", deployed ? "deployed" : "not deployed").build();
    }
}
