package org.irsp.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.time.Instant;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.irsp.messaging.entity.StoredView;

/**
 * Looks into and empties queues for the console, each call on a connection of its own (an administrator's
 * rare act, kept apart from the inboxes' shared connection): the first items of a queue without taking
 * them, and the removal of a queue's items. The connection keeps the default consumer window, so a look
 * at a deep queue (the dead letters have no quota) brings about a window's worth, not the whole queue,
 * into this JVM. A browser sees what waits in the queue, not what the broker has handed to a consumer
 * (an inbox of a bound entity) and not yet had acknowledged.
 */
@ApplicationScoped
public class QueueViews {

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory adapter;

    /** Up to {@code limit} items of the queue, oldest first, none taken. */
    public List<Message> first(String queue, int limit) {
        try (Connection c = PlainFactory.of(adapter).createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            c.start();
            List<Message> items = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                Enumeration<?> e = browser.getEnumeration();
                while (items.size() < limit && e.hasMoreElements()) {
                    items.add((Message) e.nextElement());
                }
            }
            return items;
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Removes up to {@code max} items of the queue, each acknowledged to the broker; returns how many. */
    public int drain(String queue, int max) {
        try {
            return drained(queue, max);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private int drained(String queue, int max) throws JMSException {
        ActiveMQConnectionFactory factory = PlainFactory.of(adapter);
        factory.setBlockOnAcknowledge(true); // each removal is durable before the next is taken
        try (Connection c = factory.createConnection()) {
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            c.start();
            int removed = 0;
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                while (removed < max && consumer.receive(500) != null) {
                    removed++;
                }
            }
            return removed;
        }
    }

    /** What the console shows of an item; its text only {@code withText}. */
    public static StoredView view(Message m, boolean withText) {
        try {
            long storedAt = m.propertyExists(OfflineQueue.STORED_AT) ? m.getLongProperty(OfflineQueue.STORED_AT) : m.getJMSTimestamp();
            long expiration = m.getJMSExpiration();
            String text = withText && m instanceof TextMessage t ? t.getText() : null;
            return new StoredView(m.getStringProperty(OfflineQueue.DELIVERY_ID), m.getStringProperty(OfflineQueue.KIND),
                    m.getStringProperty(OfflineQueue.RECIPIENT), m.getStringProperty(OfflineQueue.SENDER),
                    Instant.ofEpochMilli(storedAt), expiration == 0 ? null : Instant.ofEpochMilli(expiration),
                    m.propertyExists(OfflineQueue.SIZE) ? m.getIntProperty(OfflineQueue.SIZE) : 0,
                    m.getStringProperty(OfflineQueue.DEAD_REASON), m.getStringProperty("_AMQ_ORIG_ADDRESS"), text);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
