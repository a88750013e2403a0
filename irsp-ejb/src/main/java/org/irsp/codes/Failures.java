package org.irsp.codes;

import jakarta.ejb.EJBException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.resource.ResourceException;
import java.sql.SQLTransientException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The one translation of a failure into its RetCode, shared by the WebSocket, REST and JMS bindings: an
 * {@link IrspException} as it is; the broker or the database out of reach as 503 with
 * {@code retryAfter}, so a sender never takes a failed store for a bug (or for a stored item); anything
 * else is left to the binding (its own container errors), and in the end is 500.
 */
public final class Failures {

    /** Seconds a client is asked to wait before retrying after a 503 for an unreachable resource. */
    static final long RETRY_AFTER_SECONDS = 5;

    private Failures() {}

    /** The protocol's view of {@code thrown}, if it has one; empty for an unexpected failure (500). */
    public static Optional<IrspException> known(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof IrspException e) {
            return Optional.of(e);
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JMSException || c instanceof JMSRuntimeException || c instanceof ResourceException) {
                return Optional.of(IrspException.retryAfter(RetCode.UNAVAILABLE, RETRY_AFTER_SECONDS, "message broker unavailable"));
            }
            if (c instanceof SQLTransientException || c instanceof SQLNonTransientConnectionException) {
                return Optional.of(IrspException.retryAfter(RetCode.UNAVAILABLE, RETRY_AFTER_SECONDS, "database unavailable"));
            }
        }
        return Optional.empty();
    }

    /** {@code thrown} without the container's wrappers (EJB and completion exceptions). */
    public static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof EJBException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
