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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;

/**
 * One entity's offline queue as this node holds it: one consumer that receives every item once and
 * keeps it, unacknowledged, under its delivery ID; an Ack acknowledges that one message (individual
 * acknowledge: no browse, no consumer per Ack). Items the broker has not yet handed over are received
 * on demand ({@link #pump}), oldest first, so an Ack for an item stored a moment ago finds it at the
 * head. Closing returns every unacknowledged item to the queue, in order, for the next bind. Not
 * thread-safe: {@link Inboxes} serialises every use.
 */
public final class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());
    /** How long a pass waits for items the broker counts but does not hand over before it gives up on them. */
    static final long PATIENCE_MILLIS = 5_000;
    private static final long WAIT_MILLIS = 100;

    private final Session session;
    private final SimpleString queue;
    private final MessageConsumer consumer;
    private final Map<String, Message> held = new LinkedHashMap<>();
    /** Whether a connection of the entity is bound on this node (else the inbox closes after its use). */
    boolean bound;
    boolean closed;

    Inbox(Connection connection, String queueName) throws JMSException {
        session = connection.createSession(false, ActiveMQJMSConstants.INDIVIDUAL_ACKNOWLEDGE);
        queue = SimpleString.of(queueName);
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
     * and says "nothing" when that answer comes first. That answer proves nothing: the broker hands a
     * consumer at most 1,000 messages per pass and schedules the next pass behind it, and it holds a
     * consumer back while the connection's socket is full (the inboxes share one connection, so 20 binds
     * draining deep queues at once fill it) but sends its answer all the same (seen in
     * {@code OfflineDepthIT}: a bind of 1,001 items announced none). So after two such answers in a row the
     * broker's count of the queue decides: while it holds more than this inbox does, the pass waits for
     * the rest, giving up only when none has come for {@link #PATIENCE_MILLIS} (they come at the next bind).
     */
    private boolean pump(String until) throws JMSException {
        long giveUpAt = 0;
        for (int quiet = 0; ; ) {
            Message m = quiet < 2 ? consumer.receiveNoWait() : consumer.receive(WAIT_MILLIS);
            if (m != null) {
                quiet = 0;
                giveUpAt = 0;
                String id = key(m);
                held.put(id, m);
                if (id.equals(until)) {
                    return true;
                }
            } else if (++quiet >= 2) {
                long owed = counted() - held.size();
                if (owed <= 0) {
                    return false;
                }
                long now = System.nanoTime();
                if (giveUpAt == 0) {
                    giveUpAt = now + PATIENCE_MILLIS * 1_000_000;
                } else if (now - giveUpAt > 0) {
                    LOG.log(Level.WARNING, "{0}: the broker counts {1} more items than it handed over in {2} ms; they wait for the next bind",
                            new Object[] {queue, owed, PATIENCE_MILLIS});
                    return false;
                }
            }
        }
    }

    /** What the broker counts in the queue: waiting, and delivered but not acknowledged (to this consumer or another). */
    private long counted() throws JMSException {
        try {
            ClientSession core = ((ActiveMQSession) session).getCoreSession();
            return core.queueQuery(queue).getMessageCount();
        } catch (ActiveMQException e) {
            JMSException failed = new JMSException(e.getMessage());
            failed.setLinkedException(e);
            throw failed;
        }
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
