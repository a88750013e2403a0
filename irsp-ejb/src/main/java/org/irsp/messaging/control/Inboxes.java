package org.irsp.messaging.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSession.QueueQuery;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
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
 * broker returns their items to the queues, and the next use connects anew.
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

    /**
     * Runs {@code use} on the entity's inbox, opening it if needed. With {@code bound}, the inbox stays open
     * for the entity's connections on this node; otherwise one opened for this use closes after it.
     */
    public <T> T with(EntityRef entity, boolean bound, Use<T> use) {
        while (true) {
            Inbox inbox = open.computeIfAbsent(entity, this::openInbox);
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
                    querySession = ((ActiveMQSession) connection().createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE)).getCoreSession();
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
        open.remove(entity, inbox);
        inbox.close();
    }

    private Inbox openInbox(EntityRef entity) {
        try {
            return new Inbox(connection(), OfflineQueue.queueName(entity));
        } catch (JMSException e) {
            forgetConnection(e); // not the inboxes: this runs inside the map's update
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
