package org.irsp.messaging.boundary;

import org.irsp.codes.Wire;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.irsp.codes.Timestamps;
import org.irsp.messaging.control.OfflineQueue;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.registration.entity.AccountDeleted;
import org.irsp.registration.entity.EntityRef;

/** What a binding connection receives from its entity's offline queue, and the Acks that remove items. */
@Stateless
public class OfflineDeliveries {

    @Inject
    OfflineQueue queue;

    @Inject
    Clock clock;

    public List<OfflineItem> pending(EntityRef entity) {
        return queue.pending(entity);
    }

    /** §11.3: a response for a sender that went offline waits in its queue like an offline message. */
    public void storeResponse(EntityRef sender, JsonObject response) {
        String deliveryId = OfflineItem.newDeliveryId();
        Instant now = clock.instant();
        JsonObject item = Wire.JSON.createObjectBuilder().add("type", "OfflineMessageDelivery").add("msgId", deliveryId)
                .add("body", Wire.JSON.createObjectBuilder().add("storedAt", Timestamps.format(now)).add("message", response)).build();
        queue.store(sender, new OfflineItem(deliveryId, OfflineItem.Kind.MESSAGE, item.toString(), now, Duration.ofDays(7)));
    }

    public void acknowledged(EntityRef entity, String deliveryId) {
        queue.remove(entity, deliveryId);
    }

    public void onAccountDeleted(@Observes AccountDeleted deleted) {
        queue.purge(deleted.entity());
    }
}
