package org.irsp.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.irsp.cluster.control.Grid;
import org.irsp.cluster.control.Node;

/**
 * In a cluster, ready only while this node's member of the data grid runs and sees at least
 * {@code irsp.cluster.minNodes} members (1 by default; a majority, such as 2 of 3, keeps a node that lost
 * its peers from taking traffic on its own). Always UP on a single node (the grid off).
 */
@Readiness
@ApplicationScoped
public class GridReadiness implements HealthCheck {

    @Inject Grid grid;
    @Inject Node node;
    @Inject @Startup Deployment deployment;

    @Inject
    @ConfigProperty(name = "irsp.cluster.minNodes", defaultValue = "1")
    int minNodes;

    @Override
    public HealthCheckResponse call() {
        if (!deployment.isComplete()) {
            return Deployment.notDeployed("grid");
        }
        if (!grid.isOn()) {
            return HealthCheckResponse.named("grid").up().withData("mode", "single node").withData("node", node.name()).build();
        }
        int members = grid.members();
        return HealthCheckResponse.named("grid").status(members >= minNodes).withData("mode", "cluster")
                .withData("node", node.name()).withData("members", members).withData("minNodes", minNodes).build();
    }
}
