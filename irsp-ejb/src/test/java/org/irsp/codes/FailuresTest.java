package org.irsp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.jms.JMSRuntimeException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void anIrspExceptionKeepsItsRetCodeThroughTheContainersWrappers() {
        IrspException notFound = new IrspException(RetCode.NOT_FOUND, "unknown relationship");
        assertSame(notFound, Failures.known(new CompletionException(new EJBException(notFound))).orElseThrow());
    }

    @Test
    void aBrokerOutOfReachIs503WithRetryAfterWhereverItIsInTheChain() {
        var rolledBack = new EJBTransactionRolledbackException("rolled back",
                new IllegalStateException("send failed", new JMSRuntimeException("AMQ219010: Connection is destroyed")));
        IrspException e = Failures.known(rolledBack).orElseThrow();
        assertEquals(RetCode.UNAVAILABLE, e.retCode());
        assertEquals(5L, ((Number) e.details().get("retryAfter")).longValue());
    }

    @Test
    void aDatabaseOutOfReachIs503() {
        IrspException e = Failures.known(new EJBException(new RuntimeException(new SQLTransientConnectionException("pool exhausted")))).orElseThrow();
        assertEquals(RetCode.UNAVAILABLE, e.retCode());
        assertEquals("database unavailable", e.getMessage());
    }

    @Test
    void anythingElseIsLeftToTheBinding() {
        assertTrue(Failures.known(new EJBException(new IllegalStateException("bug"))).isEmpty());
        assertTrue(Failures.known(new NullPointerException()).isEmpty());
    }
}
