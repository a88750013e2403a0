package org.irsp.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.presence.boundary.Presences;
import org.irsp.push.entity.Push;
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
    public void live(EntityRef to, Push notice) {
        if (presences.isOnline(to)) {
            connections.send(ConnectionCommand.push(to, null, null, notice, null));
        }
    }

    /** Live if online, else queued: Result, Established, Released and DeliveryFailed notifications. */
    public void liveOrQueued(EntityRef to, Push notice) {
        if (presences.isOnline(to)) {
            connections.send(ConnectionCommand.push(to, null, null, notice, null));
            return;
        }
        queue.store(to, OfflineItem.of(OfflineItem.newDeliveryId(), notice, clock.instant(), NOTIFICATION_TTL));
    }
}
