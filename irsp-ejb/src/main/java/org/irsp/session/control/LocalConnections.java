package org.irsp.session.control;

import java.util.Set;
import org.irsp.session.entity.ConnectionCommand;

/**
 * The connections this node holds, as {@link ConnectionChannel} sees them (implemented by the WebSocket
 * binding's registry): whether a command can be carried out here alone, carrying it out, and which nodes
 * hold the connections a command addresses.
 */
public interface LocalConnections {

    /** Whether every connection {@code command} addresses is held by this node. */
    boolean holdsAllFor(ConnectionCommand command);

    /** Carries the command out on this node's connections. */
    void carryOut(ConnectionCommand command);

    /**
     * The nodes holding the connections {@code command} addresses, as the presence directory lists them; for a
     * connId it does not list (a bind or an end in flight), every live node.
     */
    Set<String> nodesFor(ConnectionCommand command);
}
