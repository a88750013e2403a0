package org.irsp.protocol;

import org.irsp.codes.IrspException;

/** A handler that must act after its error reply is sent (a failed first bind closes the socket). */
public interface FailureAware {
    void failed(Connection connection, IrspException error);
}
