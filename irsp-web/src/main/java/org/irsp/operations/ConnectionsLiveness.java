package org.irsp.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.irsp.protocol.ConnectionRegistry;

/** Alive while the connection registry answers; reports how many WebSockets are open and bound here. */
@Liveness
@ApplicationScoped
public class ConnectionsLiveness implements HealthCheck {

    @Inject ConnectionRegistry connections;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("connections").up()
                .withData("open", connections.openCount()).withData("bound", connections.boundCount()).build();
    }
}
