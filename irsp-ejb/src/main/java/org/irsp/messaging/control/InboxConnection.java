package org.irsp.messaging.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSession.QueueQuery;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.irsp.cluster.control.Node;
import org.irsp.messaging.entity.InboxCommand;

/**
 * The one plain (not pooled, not enlisted) Artemis connection the {@link Inboxes} share, made from the
 * resource adapter's own settings: individual acknowledgement is not to be had through the adapter's managed
 * sessions, which always acknowledge on receive. Acks wait for the broker ({@code blockOnAcknowledge}), so an
 * answered Ack is durable. Consumers have no window: an inbox holds its entity's whole queue anyway (at most
 * the quota), and with a window the client returns credits from another thread, so the "anything more?" of a
 * receive that does not wait can overtake them and be answered "nothing" while items remain (seen in
 * {@code OfflineDepthIT}: a bind of 1,001 items announced 933, one window's worth). A broker that goes away
 * fails the call at once (no reconnection): whoever {@link #whenLost waits for that} drops what it holds on
 * the connection (the broker returns the items), and the next use connects anew. The same connection asks
 * the broker for queue sizes and sends {@link InboxCommand}s to other nodes.
 */
@ApplicationScoped
public class InboxConnection {

    private static final Logger LOG = Logger.getLogger(InboxConnection.class.getName());
    /** How long an inbox command waits for its node to take it. */
    static final long COMMAND_TTL_MS = 60_000;

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory adapter;

    private Connection connection;
    /** Asks the broker for queue sizes; made on {@link #connection} and forgotten with it. */
    private ClientSession querySession;
    /** Sends {@link InboxCommand}s; made on {@link #connection} and forgotten with it. */
    private Session commandSession;
    private MessageProducer commandProducer;
    private final List<Runnable> lostListeners = new CopyOnWriteArrayList<>();

    /** The factory with the inboxes' settings: Acks answered once durable, no consumer window. */
    static ActiveMQConnectionFactory plainFactory(ActiveMQConnectionFactory f) {
        f.setBlockOnAcknowledge(true);
        f.setConsumerWindowSize(-1); // the broker sends all it has: a pass is never cut short by credits
        return f;
    }

    /** Calls {@code dropAll} when the connection fails: everything made on it is gone. */
    void whenLost(Runnable dropAll) {
        lostListeners.add(dropAll);
    }

    /** The connection, connecting if there is none. */
    synchronized Connection get() throws JMSException {
        if (connection == null) {
            Connection c = plainFactory(PlainFactory.of(adapter)).createConnection();
            c.setExceptionListener(this::lost);
            c.start();
            connection = c;
        }
        return connection;
    }

    /** Whether the broker counts the queue empty or has never made it. */
    boolean queueEmpty(String queue) {
        return depth(queue) == 0;
    }

    /** How many items the broker counts in the queue, delivered and not yet acknowledged among them; 0 for one it never made. */
    public synchronized long depth(String queue) {
        try {
            if (querySession == null) {
                querySession = ((ActiveMQSession) get().createSession(false, Session.AUTO_ACKNOWLEDGE)).getCoreSession();
            }
            QueueQuery q = querySession.queueQuery(SimpleString.of(queue));
            return q.isExists() ? q.getMessageCount() : 0;
        } catch (JMSException | ActiveMQException e) {
            throw failed(e);
        }
    }

    /** Sends {@code command} to the queue of {@code node} (non-persistent: a node that is gone holds no inbox). */
    public synchronized void tell(String node, InboxCommand command) {
        try {
            if (commandSession == null) {
                commandSession = get().createSession(false, Session.AUTO_ACKNOWLEDGE);
                commandProducer = commandSession.createProducer(null);
                commandProducer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
                commandProducer.setTimeToLive(COMMAND_TTL_MS);
            }
            TextMessage m = commandSession.createTextMessage("");
            m.setStringProperty(InboxCommand.PROPERTY, command.kind().name());
            m.setStringProperty("entityType", command.entity().type().name());
            m.setStringProperty("entityId", command.entity().id());
            if (command.deliveryId() != null) {
                m.setStringProperty("deliveryId", command.deliveryId());
            }
            commandProducer.send(commandSession.createQueue(Node.queueOf(node)), m);
        } catch (JMSException e) {
            throw failed(e);
        }
    }

    /** A call on the connection failed: forgets the connection, so that the next use connects anew. */
    JMSRuntimeException failed(Exception e) {
        forget(e);
        return new JMSRuntimeException(e.getMessage(), e instanceof JMSException j ? j.getErrorCode() : null, e);
    }

    private void lost(JMSException cause) {
        if (forget(cause)) {
            lostListeners.forEach(Runnable::run);
        }
    }

    /** Closes the connection; false if it was already gone. */
    private synchronized boolean forget(Exception cause) {
        if (connection == null) {
            return false;
        }
        LOG.log(Level.WARNING, "offline inboxes lost the broker: {0}", cause.toString());
        close();
        connection = null;
        querySession = null;
        commandSession = null;
        commandProducer = null;
        return true;
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException alreadyGone) {
                LOG.log(Level.FINE, "closing the inboxes'' connection: {0}", alreadyGone.toString());
            }
        }
    }
}
