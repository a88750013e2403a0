package org.irsp.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.irsp.messaging.control.Jms;

/**
 * Ready only while the broker takes a connection through the resource adapter: pushes, offline queues
 * and events all depend on it.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory broker;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext jms = broker.createContext()) {
            jms.createQueue(Jms.PUSH_QUEUE);
            return HealthCheckResponse.named("broker").up().build();
        } catch (JMSRuntimeException e) {
            return HealthCheckResponse.named("broker").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
