package org.irsp.messaging.control;

import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The application's JMS connection factory, provided by the Artemis resource adapter {@code irsp-ra}.
 * It is XA: a message sent inside a boundary's transaction leaves only on commit. Used outside any
 * transaction (OfflineQueue#storeNow), it gives a non-transacted session whose durable send returns once
 * the broker has the message. (A factory without transaction support is no way to that inside a
 * transaction: the Artemis adapter then makes the session locally transacted, and nothing commits it.)
 * The offline queues are read through {@link Inboxes}, on a plain connection made from the adapter's
 * settings.
 *
 * It fails fast when the broker is gone ({@code ReconnectAttempts=0}; the resource adapter's default for
 * outbound connections is to reconnect forever, which blocks the caller, a WebSocket's frame included,
 * until the broker is back): the caller's transaction rolls back and the sender gets 503 with
 * {@code retryAfter}, the pool drops the broken connection and opens new ones once the broker answers.
 * A broker that is up but does not answer fails a call after 10 s ({@code CallTimeout}). The MDBs'
 * activations keep reconnecting on their own ({@code setupAttempts=-1}).
 */
@ConnectionFactoryDefinition(
        name = Jms.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = Jms.RESOURCE_ADAPTER,
        transactionSupport = TransactionSupportLevel.XATransaction,
        minPoolSize = 0,
        maxPoolSize = 32,
        properties = {"ReconnectAttempts=0", "CallTimeout=10000"})
public final class Jms {

    public static final String CONNECTION_FACTORY = "java:app/jms/irspCF";
    public static final String RESOURCE_ADAPTER = "irsp-ra";

    /** Enterprise inbound pushes (§15.1). */
    public static final String PUSH_QUEUE = "irsp.push.inbound";
    /** Enterprise events (§15.2). */
    public static final String EVENTS_TOPIC = "irsp.events";
    /** Internal: prefix of the per-entity offline queues. */
    public static final String OFFLINE_PREFIX = "irsp.offline.";
    /** Internal: where the broker moves expired offline items. */
    public static final String EXPIRED_QUEUE = "irsp.expired";
    /** Internal: dead letters, from the broker (redelivery exhausted) and offline items that cannot be delivered. */
    public static final String DEAD_QUEUE = "irsp.dead";

    private Jms() {}
}
