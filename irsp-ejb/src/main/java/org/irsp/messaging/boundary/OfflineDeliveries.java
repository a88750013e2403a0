package org.irsp.messaging.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.RetCode;
import org.irsp.messaging.control.InboxConnection;
import org.irsp.messaging.control.InboxReaders;
import org.irsp.messaging.control.Inboxes;
import org.irsp.messaging.control.OfflineQueue;
import org.irsp.messaging.entity.InboxCommand;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.push.entity.Relayed;
import org.irsp.push.entity.Stored;
import org.irsp.registration.entity.AccountDeleted;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/**
 * What a binding connection receives from its entity's offline queue, and the Acks that remove items.
 * Called for every acknowledged item: a CDI bean with Jakarta Transactions' interceptor, not an EJB (see
 * {@link OfflineQueue}).
 */
@ApplicationScoped
@Transactional
public class OfflineDeliveries {

    private static final Logger LOG = Logger.getLogger(OfflineDeliveries.class.getName());

    @Inject
    OfflineQueue queue;

    @Inject
    Inboxes inboxes;

    @Inject
    InboxConnection inboxConnection;

    @Inject
    InboxReaders readers;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** How many items the entity's queue holds, for the console: it reads none, so it disturbs no terminal's delivery. */
    public long depth(EntityRef entity) {
        return queue.depth(entity);
    }

    /**
     * The items a binding connection receives. One that cannot be delivered is moved to the dead letters
     * and audited ({@code offline.deadLettered}), so it never blocks the items behind it.
     */
    public List<OfflineItem> forBind(EntityRef entity) {
        List<OfflineItem> deliverable = new ArrayList<>();
        for (OfflineItem item : queue.pending(entity, true)) {
            if (item.isDeliverable()) {
                deliverable.add(item);
            } else if (queue.moveAside(entity, item.deliveryId(), "undeliverable frame")) {
                LOG.log(Level.WARNING, "offline item {0} of {1} cannot be delivered: moved to the dead letters",
                        new Object[] {item.deliveryId(), entity.key()});
                audit.record(entity.key(), null, "offline.deadLettered", RetCode.INTERNAL.code(), item.deliveryId());
            }
        }
        return deliverable;
    }

    /** §11.3: a response for a sender that went offline waits in its queue like an offline message. */
    public void storeResponse(EntityRef sender, JsonObject response) {
        String deliveryId = OfflineItem.newDeliveryId();
        Instant now = clock.instant();
        queue.storeNow(sender, OfflineItem.of(deliveryId, new Stored(now, new Relayed(response)), now, Duration.ofDays(7)),
                responder(response.getJsonObject("source")));
    }

    /** The entity that answered, so that releasing the relationship purges its stored answer (§10.4); null for the IRSP's own. */
    private static EntityRef responder(JsonObject source) {
        if (source == null || !(EntityType.USER.wire().equals(source.getString("type", null))
                || EntityType.DEVICE.wire().equals(source.getString("type", null)))) {
            return null;
        }
        return EntityRef.parse(EntityType.ofWire(source.getString("type")), source.getString("id", null)).orElse(null);
    }

    /**
     * An Ack from a connection bound here: one acknowledgement, no transaction (the room comes back at once),
     * on the node that reads the entity's queue: here, or sent on to it ({@link InboxReaders}).
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public void acknowledged(EntityRef entity, String deliveryId) {
        Optional<String> reader = readers.elsewhere(entity);
        if (reader.isPresent()) {
            inboxConnection.tell(reader.get(), new InboxCommand(InboxCommand.Kind.ACK, entity, deliveryId));
        } else {
            queue.remove(entity, deliveryId);
        }
    }

    /** Another node has claimed the entity's queue, or sends on an Ack its connection took. */
    @Transactional(TxType.NOT_SUPPORTED)
    public void onInboxCommand(@Observes InboxCommand command) {
        switch (command.kind()) {
            case ACK -> acknowledged(command.entity(), command.deliveryId());
            case RELEASE -> {
                if (!readers.isMine(command.entity())) {
                    inboxes.close(command.entity());
                }
            }
        }
    }

    /** The entity's last connection on this node closed: what it did not ack goes back to its queue for the next bind. */
    @Transactional(TxType.NOT_SUPPORTED)
    public void unbound(EntityRef entity) {
        inboxes.close(entity);
    }

    /** Gives back to the queues what is held for entities no longer bound here (see {@link Inboxes#closeUnless}). */
    @Transactional(TxType.NOT_SUPPORTED)
    public void closeInboxesUnless(Predicate<EntityRef> boundHere) {
        inboxes.closeUnless(boundHere);
    }

    public void onAccountDeleted(@Observes AccountDeleted deleted) {
        queue.purge(deleted.entity());
    }
}
