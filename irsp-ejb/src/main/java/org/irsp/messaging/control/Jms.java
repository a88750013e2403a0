package org.irsp.messaging.control;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.ConnectionFactoryDefinitions;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The application's JMS connection factories, provided by the Artemis resource adapter {@code irsp-ra}.
 * {@link #CONNECTION_FACTORY} is XA: a message sent inside a boundary's transaction leaves only on commit.
 * {@link #BROWSING_FACTORY} only reads the offline queues, outside any transaction, with no consumer
 * window: the broker sends a browser the whole queue before its end marker. Used outside any transaction
 * (OfflineQueue#storeNow), the XA factory gives a non-transacted session whose durable send returns once
 * the broker has the message. (A factory without transaction support is no way to that inside a
 * transaction: the Artemis adapter then makes the session locally transacted, and nothing commits it.) (With a window, a browse can
 * end early at a window's edge: the client's request for the rest overtakes the credits it returns.)
 *
 * Both fail fast when the broker is gone ({@code ReconnectAttempts=0}; the resource adapter's default for
 * outbound connections is to reconnect forever, which blocks the caller, a WebSocket's frame included,
 * until the broker is back): the caller's transaction rolls back and the sender gets 503 with
 * {@code retryAfter}, the pool drops the broken connection and opens new ones once the broker answers.
 * A broker that is up but does not answer fails a call after 10 s ({@code CallTimeout}). The MDBs'
 * activations keep reconnecting on their own ({@code setupAttempts=-1}).
 */
@ConnectionFactoryDefinitions({
    @ConnectionFactoryDefinition(
            name = Jms.CONNECTION_FACTORY,
            interfaceName = "jakarta.jms.ConnectionFactory",
            resourceAdapter = Jms.RESOURCE_ADAPTER,
            transactionSupport = TransactionSupportLevel.XATransaction,
            minPoolSize = 0,
            maxPoolSize = 32,
            properties = {"ReconnectAttempts=0", "CallTimeout=10000"}),
    @ConnectionFactoryDefinition(
            name = Jms.BROWSING_FACTORY,
            interfaceName = "jakarta.jms.ConnectionFactory",
            resourceAdapter = Jms.RESOURCE_ADAPTER,
            transactionSupport = TransactionSupportLevel.NoTransaction,
            minPoolSize = 0,
            maxPoolSize = 32,
            properties = {"ConsumerWindowSize=-1", "ReconnectAttempts=0", "CallTimeout=10000"})
})
public final class Jms {

    public static final String CONNECTION_FACTORY = "java:app/jms/irspCF";
    public static final String BROWSING_FACTORY = "java:app/jms/irspBrowsingCF";
    public static final String RESOURCE_ADAPTER = "irsp-ra";

    /** Enterprise inbound pushes (§15.1). */
    public static final String PUSH_QUEUE = "irsp.push.inbound";
    /** Enterprise events (§15.2). */
    public static final String EVENTS_TOPIC = "irsp.events";
    /** Internal: frames and commands for connections, consumed by every node (the cluster seam). */
    public static final String CONNECTIONS_TOPIC = "irsp.connections";
    /** Internal: prefix of the per-entity offline queues. */
    public static final String OFFLINE_PREFIX = "irsp.offline.";
    /** Internal: where the broker moves expired offline items. */
    public static final String EXPIRED_QUEUE = "irsp.expired";
    /** Internal: dead letters, from the broker (redelivery exhausted) and offline items that cannot be delivered. */
    public static final String DEAD_QUEUE = "irsp.dead";

    private Jms() {}
}
