package org.irsp.session.control;

import org.irsp.session.entity.ConnectionCommand;

/**
 * The connections this node holds, as {@link ConnectionChannel} sees them (implemented by the WebSocket
 * binding's registry): whether a command can be carried out here alone, and carrying it out.
 */
public interface LocalConnections {

    /** Whether every connection {@code command} addresses is held by this node. */
    boolean holdsAllFor(ConnectionCommand command);

    /** Carries the command out on this node's connections. */
    void carryOut(ConnectionCommand command);
}
