package org.irsp.messaging.control;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSConstants;

/**
 * One entity's offline queue as this node holds it: one consumer that receives every item once and
 * keeps it, unacknowledged, under its delivery ID; an Ack acknowledges that one message (individual
 * acknowledge: no browse, no consumer per Ack). Items the broker has not yet handed over are received
 * on demand ({@link #pump}), oldest first, so an Ack for an item stored a moment ago finds it at the
 * head. Closing returns every unacknowledged item to the queue, in order, for the next bind. Not
 * thread-safe: {@link Inboxes} serialises every use.
 */
public final class Inbox {

    private final Session session;
    private final MessageConsumer consumer;
    private final Map<String, Message> held = new LinkedHashMap<>();
    /** Whether a connection of the entity is bound on this node (else the inbox closes after its use). */
    boolean bound;
    boolean closed;

    Inbox(Connection connection, String queueName) throws JMSException {
        session = connection.createSession(false, ActiveMQJMSConstants.INDIVIDUAL_ACKNOWLEDGE);
        try {
            consumer = session.createConsumer(session.createQueue(queueName));
        } catch (JMSException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Every item of the queue, oldest first. */
    List<Message> items() throws JMSException {
        pump(null);
        return List.copyOf(held.values());
    }

    /** Removes the item for good and returns it; null if the queue does not hold it (acked, expired, purged). */
    Message take(String deliveryId) throws JMSException {
        Message item = held.containsKey(deliveryId) || pump(deliveryId) ? held.remove(deliveryId) : null;
        if (item != null) {
            item.acknowledge();
        }
        return item;
    }

    /** Removes for good every item that {@code which} selects, and returns them. */
    List<Message> takeAll(Predicate<Message> which) throws JMSException {
        pump(null);
        List<Message> taken = new ArrayList<>();
        for (Iterator<Message> i = held.values().iterator(); i.hasNext(); ) {
            Message item = i.next();
            if (which.test(item)) {
                item.acknowledge();
                i.remove();
                taken.add(item);
            }
        }
        return taken;
    }

    /** Sends a copy of the item to {@code address} (durably, before it leaves this queue) and removes it; null if not held. */
    Message moveTo(String deliveryId, String address, Map<String, String> extra) throws JMSException {
        Message item = held.containsKey(deliveryId) || pump(deliveryId) ? held.get(deliveryId) : null;
        if (item == null) {
            return null;
        }
        TextMessage copy = session.createTextMessage(((TextMessage) item).getText());
        for (String name : new String[] {OfflineQueue.DELIVERY_ID, OfflineQueue.KIND, OfflineQueue.RECIPIENT, OfflineQueue.SENDER}) {
            copy.setStringProperty(name, item.getStringProperty(name));
        }
        copy.setLongProperty(OfflineQueue.STORED_AT, item.getLongProperty(OfflineQueue.STORED_AT));
        extra.forEach((name, value) -> {
            try {
                copy.setStringProperty(name, value);
            } catch (JMSException e) {
                throw new IllegalArgumentException(name, e);
            }
        });
        try (MessageProducer producer = session.createProducer(session.createQueue(address))) {
            producer.send(copy, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
        }
        return take(deliveryId);
    }

    /**
     * Receives what the broker has for this consumer until {@code until} arrives or the queue has nothing
     * more. A receive that does not wait asks the broker to answer after the deliveries it has scheduled,
     * and says "nothing" when that answer comes first; but the broker hands a consumer at most 1,000
     * messages per pass and schedules the next pass behind that answer. So the queue is known to be empty
     * only when two such receives in a row find nothing. (The consumer has no window, see {@link Inboxes},
     * so a pass is never cut short by credits.)
     */
    private boolean pump(String until) throws JMSException {
        for (int empty = 0; empty < 2; ) {
            Message m = consumer.receiveNoWait();
            if (m == null) {
                empty++;
                continue;
            }
            empty = 0;
            String id = key(m);
            held.put(id, m);
            if (id.equals(until)) {
                return true;
            }
        }
        return false;
    }

    /** The delivery ID; an item without one (not stored by IRSP) is known by its JMS message ID. */
    static String key(Message m) throws JMSException {
        String id = m.getStringProperty(OfflineQueue.DELIVERY_ID);
        return id != null ? id : "jms:" + m.getJMSMessageID();
    }

    void close() {
        closed = true;
        try {
            session.close();
        } catch (JMSException | RuntimeException gone) {
            // the broker returns unacknowledged items when the session ends, however it ends
        }
    }
}
