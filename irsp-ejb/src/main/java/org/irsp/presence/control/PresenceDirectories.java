package org.irsp.presence.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.irsp.cluster.control.Grid;

/** Chooses the presence directory: in the data grid's map when this node is one of a cluster, else in this JVM. */
@ApplicationScoped
public class PresenceDirectories {

    /** The grid's map of each entity's bindings. */
    static final String MAP = "irsp.presence";

    @Produces
    @ApplicationScoped
    PresenceDirectory directory(Grid grid) {
        return grid.isOn() ? new GridPresenceDirectory(grid.map(MAP)) : new NodePresenceDirectory();
    }
}
