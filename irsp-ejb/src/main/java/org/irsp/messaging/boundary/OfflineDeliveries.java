package org.irsp.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.irsp.messaging.control.OfflineQueue;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.registration.entity.AccountDeleted;
import org.irsp.registration.entity.EntityRef;

/** What a binding connection receives from its entity's offline queue, and the Acks that remove items. */
@Stateless
public class OfflineDeliveries {

    @Inject
    OfflineQueue queue;

    public List<OfflineItem> pending(EntityRef entity) {
        return queue.pending(entity);
    }

    public void acknowledged(EntityRef entity, String deliveryId) {
        queue.remove(entity, deliveryId);
    }

    public void onAccountDeleted(@Observes AccountDeleted deleted) {
        queue.purge(deleted.entity());
    }
}
