package org.irsp.nat.control;

import java.util.Optional;

/**
 * The token of the session behind a bound connection, for the AddrProbe MAC (§12.2). Only the node
 * holding the WebSocket knows it (the database keeps a digest); the web tier implements this.
 */
public interface SessionTokens {

    Optional<String> tokenOfBound(String connId);
}
