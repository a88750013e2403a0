package org.irsp.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.registration.entity.EntityRef;

/**
 * The per-entity offline queues, one persistent Artemis queue each ({@code irsp.offline.<type>.<id>}).
 * The broker's journal is the durable store: an item stays until a client Ack removes it, FIFO by
 * store time, expiring by JMS TTL into {@code irsp.expired}. Stores send; everything that reads or
 * removes goes through the entity's {@link Inbox}, which holds the items unacknowledged while the entity
 * is bound on this node, so an item sent but never acked is sent again at the next bind. The quota is
 * kept by {@link Mailboxes}: a store never reads the queue.
 *
 * <p>A CDI bean with Jakarta Transactions' interceptor, as are {@link Mailboxes} and {@link MailboxRows},
 * rather than an EJB: every call through CDI to a no-interface EJB costs Payara a thrown and caught
 * exception and a reflective field lookup ({@code EjbContainerServicesImpl.getEJBLocalObject}), and these
 * are called for every stored and every acknowledged item (docs/BENCHMARKS.md).
 */
@ApplicationScoped
@Transactional
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

    @Inject
    Clock clock;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Inboxes inboxes;

    @Inject
    Destinations destinations;

    @Inject
    StoreLanes lanes;

    @Inject
    QueueViews views;

    @Resource
    ManagedExecutorService executor;

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
            send(jms, destinations.queue(jms, queueName(recipient)), recipient, item, sender);
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
    @Transactional(TxType.NOT_SUPPORTED)
    public boolean storeNow(EntityRef recipient, OfflineItem item, EntityRef sender) {
        if (!mailboxes.take(recipient.key(), item)) {
            return false;
        }
        try {
            sent(recipient, item, sender).join();
            return true;
        } catch (RuntimeException notStored) {
            mailboxes.giveBack(recipient.key(), item);
            throw notStored instanceof CompletionException c && c.getCause() instanceof RuntimeException r ? r : notStored;
        }
    }

    /**
     * {@link #storeNow} without waiting for the broker: the future completes true once the item is in
     * the broker's journal, false at once when the quota is full, exceptionally (the room given back)
     * when the send fails. Items of one recipient handed in one after the other are stored in that order,
     * whether or not the first was confirmed ({@link StoreLanes}), and so are items of {@link #storeNow}.
     * What depends on the future runs on a managed thread.
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public CompletableFuture<Boolean> storeLater(EntityRef recipient, OfflineItem item, EntityRef sender) {
        if (!mailboxes.take(recipient.key(), item)) {
            return CompletableFuture.completedFuture(false);
        }
        return sent(recipient, item, sender).handleAsync((stored, notStored) -> {
            if (notStored != null) {
                mailboxes.giveBack(recipient.key(), item);
                throw notStored instanceof CompletionException c && c.getCause() instanceof RuntimeException r ? r
                        : new CompletionException(notStored);
            }
            return true;
        }, executor);
    }

    private CompletableFuture<Void> sent(EntityRef recipient, OfflineItem item, EntityRef sender) {
        return lanes.send(recipient.key(), queueName(recipient), item.ttl().toMillis(),
                s -> labelled(s.createTextMessage(item.text()), recipient, item, sender));
    }

    private static void send(JMSContext jms, Destination queue, EntityRef recipient, OfflineItem item, EntityRef sender) {
        try {
            jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).setTimeToLive(item.ttl().toMillis())
                    .send(queue, labelled(jms.createTextMessage(item.text()), recipient, item, sender));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** The item as its queue holds it: the stored push's text with the properties the store and the purges read. */
    private static TextMessage labelled(TextMessage m, EntityRef recipient, OfflineItem item, EntityRef sender) throws JMSException {
        m.setStringProperty(DELIVERY_ID, item.deliveryId());
        m.setStringProperty(KIND, item.kind().name());
        m.setIntProperty(SIZE, item.sizeBytes());
        m.setLongProperty(STORED_AT, item.storedAt().toEpochMilli());
        m.setLongProperty(TTL, item.ttl().toSeconds());
        m.setStringProperty(RECIPIENT, recipient.key());
        if (sender != null) {
            m.setStringProperty(SENDER, sender.key());
        }
        return m;
    }

    /** Every unexpired item of the entity, oldest first; {@code bound}: for a connection of the entity bound on this node. */
    /** How many items the recipient's queue holds, as the broker counts them ({@link Inboxes#depth}). */
    public long depth(EntityRef recipient) {
        return inboxes.depth(recipient);
    }

    public List<OfflineItem> pending(EntityRef recipient, boolean bound) {
        if (inboxes.surelyEmpty(recipient)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<OfflineItem> items = new ArrayList<>();
        for (Message m : inboxes.with(recipient, bound, Inbox::items)) {
            OfflineItem item = item(m);
            if (!item.isExpired(now)) {
                items.add(item);
            }
        }
        return items;
    }

    private static OfflineItem item(Message m) {
        try {
            return new OfflineItem(m.getStringProperty(DELIVERY_ID), OfflineItem.Kind.valueOf(m.getStringProperty(KIND)),
                    ((TextMessage) m).getText(), Instant.ofEpochMilli(m.getLongProperty(STORED_AT)),
                    Duration.ofSeconds(m.getLongProperty(TTL)));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /**
     * Removes the item an Ack names, for a connection of the recipient bound on this node: one acknowledgement
     * of a message the entity's {@link Inbox} holds. An item already removed (acked elsewhere, expired) is no
     * error. The room comes back in the caller's transaction, or at once when it has none (an Ack).
     */
    @Transactional(TxType.SUPPORTS)
    public boolean remove(EntityRef recipient, String deliveryId) {
        if (!OfflineItem.isDeliveryId(deliveryId)) {
            return false;
        }
        Message item = inboxes.with(recipient, true, inbox -> inbox.take(deliveryId));
        if (item != null) {
            released(recipient, item);
        }
        return item != null;
    }

    /**
     * Moves an item that can never be delivered to {@link Jms#DEAD_QUEUE}, with {@code reason}, so that the
     * items behind it are delivered; false if it is no longer queued.
     */
    public boolean moveAside(EntityRef recipient, String deliveryId, String reason) {
        Message item = inboxes.with(recipient, true,
                inbox -> inbox.moveTo(deliveryId, Jms.DEAD_QUEUE, Map.of(DEAD_REASON, reason)));
        if (item != null) {
            released(recipient, item);
        }
        return item != null;
    }

    /**
     * Drops every item of the entity, giving its room back (an administrator's purge); the entity stays
     * and stores again. Returns how many were dropped.
     */
    public int purgeAll(EntityRef recipient) {
        List<Message> purged = inboxes.with(recipient, false, inbox -> inbox.takeAll(m -> true));
        purged.forEach(item -> released(recipient, item));
        return purged.size();
    }

    /**
     * Up to {@code limit} items of the entity as the console shows them, oldest first, taking none: those
     * an inbox holds on this node, else those waiting in the queue (not those another node's inbox holds).
     */
    public List<Message> look(EntityRef recipient, int limit) {
        if (inboxes.holds(recipient)) {
            List<Message> held = inboxes.with(recipient, false, Inbox::items);
            return held.subList(0, Math.min(limit, held.size()));
        }
        return depth(recipient) == 0 ? List.of() : views.first(queueName(recipient), limit);
    }

    /** Drops every item of the entity (§7.6 step 4). */
    public void purge(EntityRef recipient) {
        inboxes.with(recipient, false, inbox -> inbox.takeAll(m -> true));
        inboxes.close(recipient);
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
        List<Message> purged = inboxes.with(recipient, false, inbox -> inbox.takeAll(m -> isMessageFrom(m, sender)));
        purged.forEach(item -> released(recipient, item));
        return purged.size();
    }

    private static boolean isMessageFrom(Message m, EntityRef sender) {
        try {
            return OfflineItem.Kind.MESSAGE.name().equals(m.getStringProperty(KIND))
                    && sender.key().equals(m.getStringProperty(SENDER));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
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
}
