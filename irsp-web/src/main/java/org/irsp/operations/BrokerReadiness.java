package org.irsp.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Startup;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.irsp.messaging.control.Jms;

/**
 * Ready only once deployed and while the broker takes a connection through the resource adapter: pushes, offline queues
 * and events all depend on it.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory broker;

    @Inject @Startup Deployment deployment;

    @Override
    public HealthCheckResponse call() {
        return deployment.isComplete() ? probe() : Deployment.notDeployed("broker");
    }

    /** The broker's answer alone, whether or not the application is deployed (start-up waits on it). */
    public HealthCheckResponse probe() {
        try (JMSContext jms = broker.createContext()) {
            jms.createQueue(Jms.PUSH_QUEUE);
            return HealthCheckResponse.named("broker").up().build();
        } catch (RuntimeException e) { // JMSRuntimeException, or the container refusing while it starts
            return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
