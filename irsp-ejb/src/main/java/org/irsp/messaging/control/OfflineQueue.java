package org.irsp.messaging.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.registration.entity.EntityRef;

/**
 * The per-entity offline queues, one persistent Artemis queue each ({@code irsp.offline.<type>.<id>}).
 * The broker's journal is the durable store: an item stays until a client Ack removes it, FIFO by
 * store time, expiring by JMS TTL into {@code irsp.expired}. Browsing delivers without consuming, so
 * an item sent but never acked is sent again at the next bind. The quota is kept by {@link Mailboxes}:
 * a store never reads the queue.
 */
@Stateless
public class OfflineQueue {

    static final String DELIVERY_ID = "irspDeliveryId";
    static final String KIND = "irspKind";
    static final String SIZE = "irspSize";
    static final String STORED_AT = "irspStoredAt";
    static final String TTL = "irspTtlSeconds";
    static final String RECIPIENT = "irspRecipient";
    static final String SENDER = "irspSender";
    static final String DEAD_REASON = "irspDeadReason";

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = Jms.BROWSING_FACTORY)
    ConnectionFactory browsing;

    @Inject
    Clock clock;

    @Inject
    Mailboxes mailboxes;

    /**
     * Stores the item; false when the recipient's quota is full (486). Not an exception: a full queue is an
     * outcome of one target and must not roll back the caller's transaction.
     */
    public boolean store(EntityRef recipient, OfflineItem item) {
        return store(recipient, item, null);
    }

    /** Stores an item sent by {@code sender}, so that releasing their relationship can purge it (§10.4). */
    public boolean store(EntityRef recipient, OfflineItem item, EntityRef sender) {
        if (!mailboxes.reserve(recipient.key(), item)) {
            return false;
        }
        try (JMSContext jms = factory.createContext()) {
            send(jms, recipient, item, sender);
            return true;
        }
    }

    /**
     * Stores a message at once, outside the caller's transaction: room is taken, then a durable send
     * returns once the broker has the item; if the send fails the room is given back and the failure
     * propagates (503). For an item whose sender learns the outcome from this call alone (a DataMessage's
     * only target, a relayed response): nothing the caller does afterwards can undo it. No XA
     * transaction, no transaction at all, is spent on it: the caller's is suspended meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean storeNow(EntityRef recipient, OfflineItem item, EntityRef sender) {
        if (!mailboxes.take(recipient.key(), item)) {
            return false;
        }
        try (JMSContext jms = factory.createContext()) {
            send(jms, recipient, item, sender);
            return true;
        } catch (RuntimeException notStored) {
            mailboxes.giveBack(recipient.key(), item);
            throw notStored;
        }
    }

    private static void send(JMSContext jms, EntityRef recipient, OfflineItem item, EntityRef sender) {
        try {
            TextMessage m = jms.createTextMessage(item.text());
            m.setStringProperty(DELIVERY_ID, item.deliveryId());
            m.setStringProperty(KIND, item.kind().name());
            m.setIntProperty(SIZE, item.sizeBytes());
            m.setLongProperty(STORED_AT, item.storedAt().toEpochMilli());
            m.setLongProperty(TTL, item.ttl().toSeconds());
            m.setStringProperty(RECIPIENT, recipient.key());
            if (sender != null) {
                m.setStringProperty(SENDER, sender.key());
            }
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setTimeToLive(item.ttl().toMillis())
                    .send(jms.createQueue(queueName(recipient)), m);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Every unexpired item of the entity, oldest first. */
    public List<OfflineItem> pending(EntityRef recipient) {
        List<OfflineItem> items = new ArrayList<>();
        Instant now = clock.instant();
        try (JMSContext jms = browsing.createContext()) {
            browse(jms, jms.createQueue(queueName(recipient)), null, m -> {
                OfflineItem item = new OfflineItem(m.getStringProperty(DELIVERY_ID),
                        OfflineItem.Kind.valueOf(m.getStringProperty(KIND)), ((TextMessage) m).getText(),
                        Instant.ofEpochMilli(m.getLongProperty(STORED_AT)), Duration.ofSeconds(m.getLongProperty(TTL)));
                if (!item.isExpired(now)) {
                    items.add(item);
                }
                return true;
            });
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        return items;
    }

    /**
     * Removes the item an Ack names; an item already removed (acked elsewhere, expired) is no error. A
     * browse that stops at the first match answers "not there" at once, so a repeated Ack does not wait on
     * a receive; items are mostly acked oldest first, so both the browse and the consumer find theirs
     * near the head of the queue.
     */
    public boolean remove(EntityRef recipient, String deliveryId) {
        if (!OfflineItem.isDeliveryId(deliveryId)) {
            return false;
        }
        String selector = DELIVERY_ID + " = '" + deliveryId + "'";
        if (!holds(recipient, selector)) {
            return false;
        }
        try (JMSContext jms = factory.createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(queueName(recipient)), selector)) {
            Message item = consumer.receive(2000);
            if (item != null) {
                released(recipient, item);
            }
            return item != null;
        }
    }

    /**
     * Moves an item that can never be delivered to {@link Jms#DEAD_QUEUE}, with {@code reason}, so that the
     * items behind it are delivered; false if it is no longer queued.
     */
    public boolean moveAside(EntityRef recipient, String deliveryId, String reason) {
        if (!OfflineItem.isDeliveryId(deliveryId)) {
            return false;
        }
        try (JMSContext jms = factory.createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(queueName(recipient)), DELIVERY_ID + " = '" + deliveryId + "'")) {
            Message item = consumer.receive(2000);
            if (item == null) {
                return false;
            }
            released(recipient, item);
            TextMessage dead = jms.createTextMessage(((TextMessage) item).getText());
            for (String name : new String[] {DELIVERY_ID, KIND, RECIPIENT, SENDER}) {
                dead.setStringProperty(name, item.getStringProperty(name));
            }
            dead.setLongProperty(STORED_AT, item.getLongProperty(STORED_AT));
            dead.setStringProperty(DEAD_REASON, reason);
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(jms.createQueue(Jms.DEAD_QUEUE), dead);
            return true;
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Drops every item of the entity (§7.6 step 4). */
    public void purge(EntityRef recipient) {
        if (!holds(recipient, null)) {
            mailboxes.dropped(recipient.key());
            return;
        }
        try (JMSContext jms = factory.createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(queueName(recipient)))) {
            while (consumer.receive(200) != null) {
                // consumed in this transaction
            }
        }
        mailboxes.dropped(recipient.key());
    }

    /**
     * §10.4: drops the messages {@code a} and {@code b} stored for each other, in both queues; the
     * notifications in them stay. Returns how many were dropped.
     */
    public int purgeBetween(EntityRef a, EntityRef b) {
        return purgeFrom(a, b) + purgeFrom(b, a);
    }

    private int purgeFrom(EntityRef recipient, EntityRef sender) {
        int purged = 0;
        String selector = KIND + " = 'MESSAGE' AND " + SENDER + " = '" + sender.key().replace("'", "''") + "'";
        if (!holds(recipient, selector)) {
            return 0;
        }
        try (JMSContext jms = factory.createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(queueName(recipient)), selector)) {
            for (Message item = consumer.receive(200); item != null; item = consumer.receive(200)) {
                released(recipient, item);
                purged++;
            }
        }
        return purged;
    }

    /** Whether the entity's queue holds an item matching {@code selector} (any item if null); stops at the first. */
    private boolean holds(EntityRef recipient, String selector) {
        boolean[] found = {false};
        try (JMSContext look = browsing.createContext()) {
            browse(look, look.createQueue(queueName(recipient)), selector, m -> !(found[0] = true));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
        return found[0];
    }

    private void released(EntityRef recipient, Message item) {
        try {
            mailboxes.released(recipient.key(), item.getStringProperty(KIND), item.getIntProperty(SIZE));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    static String queueName(EntityRef entity) {
        String id = entity.id();
        return Jms.OFFLINE_PREFIX + entity.type().wire() + "."
                + (id.startsWith("urn:") ? id.substring(id.lastIndexOf(':') + 1) : id);
    }

    /** What a browse does with each message; false stops the browse. */
    private interface MessageAction {
        boolean accept(Message m) throws JMSException;
    }

    private static void browse(JMSContext jms, Queue queue, String selector, MessageAction action) throws JMSException {
        try (QueueBrowser browser = jms.createBrowser(queue, selector)) {
            Enumeration<?> e = browser.getEnumeration();
            while (e.hasMoreElements() && action.accept((Message) e.nextElement())) {
                // next
            }
        }
    }
}
