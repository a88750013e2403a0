package org.irsp.messaging.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.irsp.audit.control.AuditLog;
import org.irsp.audit.entity.Operator;
import org.irsp.messaging.control.InboxConnection;
import org.irsp.messaging.control.Jms;
import org.irsp.messaging.control.OfflineQueue;
import org.irsp.messaging.control.QueueViews;
import org.irsp.messaging.entity.StoredView;
import org.irsp.registration.entity.EntityRef;

/**
 * What the console does with stored items: an entity's offline queue looked at (what, for whom, from whom,
 * when; the texts only when an administrator asks, with a reason, audited) and purged; the dead letters
 * ({@code irsp.dead}) counted, looked at and purged. A purge returns the room to the entity's quota.
 */
@ApplicationScoped
@Transactional
public class OfflineAdministration {

    /** How many dead letters one purge removes at most; the console says how many remain. */
    static final int PURGE_AT_MOST = 10_000;

    @Inject OfflineQueue queue;
    @Inject QueueViews views;
    @Inject InboxConnection broker;
    @Inject AuditLog audit;

    /** The items of one queue as the console shows them, and how many the broker counts in it. */
    public record Listing(long depth, List<StoredView> items) {}

    /** Metadata only: no text leaves the queue. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing look(EntityRef entity, int limit) {
        return new Listing(queue.depth(entity), queue.look(entity, limit).stream().map(m -> QueueViews.view(m, false)).toList());
    }

    /** With the texts: an administrator read the entity's stored messages, audited with the reason. */
    public Listing read(EntityRef entity, int limit, Operator by) {
        Listing read = new Listing(queue.depth(entity), queue.look(entity, limit).stream().map(m -> QueueViews.view(m, true)).toList());
        audit.record(by.actor(), by.clientIp(), "admin.readOffline", 200, by.detail(entity.key() + " items=" + read.items().size()));
        return read;
    }

    public int purge(EntityRef entity, Operator by) {
        int purged = queue.purgeAll(entity);
        audit.record(by.actor(), by.clientIp(), "admin.purgeOffline", 200, by.detail(entity.key() + " items=" + purged));
        return purged;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing deadLetters(int limit) {
        long depth = broker.depth(Jms.DEAD_QUEUE);
        return new Listing(depth, depth == 0 ? List.of() : views.first(Jms.DEAD_QUEUE, limit).stream()
                .map(m -> QueueViews.view(m, false)).toList());
    }

    public int purgeDeadLetters(Operator by) {
        int purged = views.drain(Jms.DEAD_QUEUE, PURGE_AT_MOST);
        audit.record(by.actor(), by.clientIp(), "admin.purgeDead", 200, by.detail(Jms.DEAD_QUEUE + " items=" + purged));
        return purged;
    }
}
