package org.irsp.messaging.control;

import org.irsp.codes.Wire;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.presence.boundary.Presences;
import org.irsp.registration.entity.EntityRef;
import org.irsp.session.control.ConnectionChannel;
import org.irsp.session.entity.ConnectionCommand;

/**
 * Server pushes of notifications (§6.7): live to an online entity (best effort, over JMS to the node
 * holding its connections), and, for the kinds that are queued, stored in its offline queue when it
 * is offline, delivered as themselves at its next bind.
 */
@Stateless
public class Notifications {

    private static final Duration NOTIFICATION_TTL = Duration.ofDays(30);

    @Inject Presences presences;
    @Inject ConnectionChannel connections;
    @Inject OfflineQueue queue;
    @Inject Clock clock;

    /** Live only: StatusChangeNotify, OfflineNotify, RelationshipRequestNotify and the like. */
    public void live(EntityRef to, String type, JsonObject body) {
        if (presences.isOnline(to)) {
            push(to, type, body);
        }
    }

    /** Live if online, else queued: Result, Established, Released and DeliveryFailed notifications. */
    public void liveOrQueued(EntityRef to, String type, JsonObject body) {
        if (presences.isOnline(to)) {
            push(to, type, body);
            return;
        }
        String deliveryId = OfflineItem.newDeliveryId();
        queue.store(to, new OfflineItem(deliveryId, OfflineItem.Kind.NOTIFICATION, frame(type, body, deliveryId).toString(),
                clock.instant(), NOTIFICATION_TTL));
    }

    private void push(EntityRef to, String type, JsonObject body) {
        connections.send(ConnectionCommand.frame(to, null, null, frame(type, body, null).toString(), null));
    }

    private static JsonObject frame(String type, JsonObject body, String msgId) {
        var f = Wire.JSON.createObjectBuilder().add("type", type);
        if (msgId != null) {
            f.add("msgId", msgId);
        }
        return f.add("body", body).build();
    }
}
