package org.irsp.messaging.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession.QueueQuery;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.irsp.cluster.control.Node;
import org.irsp.messaging.entity.InboxCommand;
import org.irsp.registration.entity.EntityRef;

/**
 * The {@link Inbox}es this node holds: one per entity bound here whose queue has been read, opened at
 * bind or at the first Ack and closed when the entity's last connection on this node closes. They share
 * one plain (not pooled, not enlisted) Artemis connection, made from the resource adapter's own settings:
 * individual acknowledgement is not to be had through the adapter's managed sessions, which always
 * acknowledge on receive. Acks wait for the broker ({@code blockOnAcknowledge}), so an answered Ack is
 * durable. Consumers have no window: an inbox holds its entity's whole queue anyway (at most the quota),
 * and with a window the client returns credits from another thread, so the "anything more?" of a receive
 * that does not wait can overtake them and be answered "nothing" while items remain (seen in
 * {@code OfflineDepthIT}: a bind of 1,001 items announced 933, one window's worth). A broker that goes away fails the call at once (no reconnection): every inbox is dropped, the
 * broker returns their items to the queues, and the next use connects anew. In a cluster, opening an
 * inbox claims the entity's queue for this node ({@link InboxReaders}) and tells the node that read it
 * until then to close its own, so one consumer holds all of a queue's items.
 */
@ApplicationScoped
public class Inboxes {

    private static final Logger LOG = Logger.getLogger(Inboxes.class.getName());

    /** What is done with an inbox, under its lock. */
    public interface Use<T> {
        T apply(Inbox inbox) throws JMSException;
    }

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory adapter;

    private final Map<EntityRef, Inbox> open = new ConcurrentHashMap<>();
    private Connection connection;
    /** Asks the broker for queue sizes; made on {@link #connection} and forgotten with it. */
    private ClientSession querySession;
    /** Sends {@link InboxCommand}s to other nodes; made on {@link #connection} and forgotten with it. */
    private Session commandSession;
    private MessageProducer commandProducer;
    /** How long an inbox command waits for its node to take it. */
    static final long COMMAND_TTL_MS = 60_000;

    @Inject
    InboxReaders readers;

    /**
     * Runs {@code use} on the entity's inbox, opening it if needed. With {@code bound}, the inbox stays open
     * for the entity's connections on this node; otherwise one opened for this use closes after it.
     */
    public <T> T with(EntityRef entity, boolean bound, Use<T> use) {
        while (true) {
            Inbox inbox = open.get(entity);
            if (inbox == null) {
                inbox = opened(entity);
            }
            synchronized (inbox) {
                if (inbox.closed) {
                    continue; // closed meanwhile by the last connection's close: open anew
                }
                inbox.bound |= bound;
                boolean failed = true;
                try {
                    T result = use.apply(inbox);
                    failed = false;
                    return result;
                } catch (JMSException e) {
                    throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
                } finally {
                    if (failed || !inbox.bound) {
                        discard(entity, inbox);
                    }
                }
            }
        }
    }

    /**
     * Whether the entity's queue surely holds nothing: no inbox open for it here and a queue the broker
     * counts empty (or has never made). Asked before a bind opens an inbox, so that an entity with nothing
     * stored costs no session, consumer or queue on the broker while it is bound (most of what a bound
     * connection held); one query on a shared session, not a consumer. An item sent meanwhile is there at
     * the next bind, as it would be had the inbox been open (a receive that has passed does not see it).
     */
    public boolean surelyEmpty(EntityRef entity) {
        if (holds(entity)) {
            return false;
        }
        try {
            synchronized (this) {
                if (querySession == null) {
                    querySession = ((ActiveMQSession) connection().createSession(false, Session.AUTO_ACKNOWLEDGE)).getCoreSession();
                }
                QueueQuery q = querySession.queueQuery(SimpleString.of(OfflineQueue.queueName(entity)));
                return !q.isExists() || q.getMessageCount() == 0;
            }
        } catch (JMSException | ActiveMQException e) {
            forgetConnection(e);
            throw new JMSRuntimeException(e.getMessage(), null, e);
        }
    }

    /** Whether an inbox (a session and consumer on the broker) is open here for the entity. */
    public boolean holds(EntityRef entity) {
        return open.containsKey(entity);
    }

    /** The entity's last connection on this node is gone: its unacknowledged items go back to the queue. */
    public void close(EntityRef entity) {
        Inbox inbox = open.get(entity);
        if (inbox != null) {
            synchronized (inbox) {
                discard(entity, inbox);
            }
        }
    }

    /**
     * Closes the inboxes of entities no longer bound here: one an Ack reopened after the last connection
     * had closed (a close the server started on another thread, racing that connection's Ack) would
     * otherwise hold a consumer and its items until the entity's next connection here closes.
     */
    public void closeUnless(Predicate<EntityRef> boundHere) {
        open.keySet().stream().filter(boundHere.negate()).toList().forEach(this::close);
    }

    private void discard(EntityRef entity, Inbox inbox) {
        if (open.remove(entity, inbox)) {
            readers.released(entity);
        }
        inbox.close();
    }

    /**
     * Opens an inbox for the entity and claims its queue for this node; the node that read it until now is
     * told to close its own, so that its items come here (the first read waits for them, see {@link Inbox}).
     */
    private Inbox opened(EntityRef entity) {
        Inbox made;
        try {
            made = new Inbox(connection(), OfflineQueue.queueName(entity));
        } catch (JMSException e) {
            forgetConnection(e);
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        Inbox raced = open.putIfAbsent(entity, made);
        if (raced != null) {
            made.close();
            return raced;
        }
        readers.claim(entity).ifPresent(previous -> tell(previous, new InboxCommand(InboxCommand.Kind.RELEASE, entity, null)));
        return made;
    }

    /** Sends {@code command} to the queue of {@code node} (non-persistent: a node that is gone holds no inbox). */
    public void tell(String node, InboxCommand command) {
        try {
            synchronized (this) {
                if (commandSession == null) {
                    commandSession = connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
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
            }
        } catch (JMSException e) {
            forgetConnection(e);
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            Connection c = factory().createConnection();
            c.setExceptionListener(this::dropConnection);
            c.start();
            connection = c;
        }
        return connection;
    }

    private ActiveMQConnectionFactory factory() throws JMSException {
        return plainFactory(PlainFactory.of(adapter));
    }

    /** The factory with the inboxes' settings: Acks answered once durable, no consumer window. */
    static ActiveMQConnectionFactory plainFactory(ActiveMQConnectionFactory f) {
        f.setBlockOnAcknowledge(true);
        f.setConsumerWindowSize(-1); // the broker sends all it has: a pass is never cut short by credits
        return f;
    }

    /** The connection failed: every inbox on it is gone; the broker has returned their items. */
    private void dropConnection(JMSException cause) {
        if (forgetConnection(cause)) {
            open.keySet().forEach(this::close);
        }
    }

    /** Closes the connection, so that the next use connects anew; false if it was already gone. */
    private synchronized boolean forgetConnection(Exception cause) {
        if (connection == null) {
            return false;
        }
        LOG.log(Level.WARNING, "offline inboxes lost the broker: {0}", cause.toString());
        try {
            connection.close();
        } catch (JMSException | RuntimeException alreadyGone) {
            // nothing more to release
        }
        connection = null;
        querySession = null;
        commandSession = null;
        commandProducer = null;
        return true;
    }

    @PreDestroy
    synchronized void stop() {
        open.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.FINE, "closing the inboxes'' connection: {0}", e.toString());
            }
        }
    }
}
