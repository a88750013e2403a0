package org.irsp.presence.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.push.entity.StatusChange;
import org.irsp.push.entity.WentOffline;
import java.time.Clock;
import java.util.List;
import org.irsp.events.entity.EnterpriseEvent;
import jakarta.enterprise.event.Event;
import org.irsp.cluster.control.Node;
import org.irsp.messaging.control.Notifications;
import org.irsp.presence.control.PresenceDirectory;
import org.irsp.presence.control.Visibility;
import org.irsp.presence.entity.Bindings;
import org.irsp.presence.entity.Presence;
import org.irsp.registration.entity.EntityRef;

/**
 * Presence (§4, §8.4–8.6, §13.3) over the {@link PresenceDirectory}, which holds who is bound where:
 * tells those who may see an entity (V, §4.4) when its visible presence changes (StatusChangeNotify) or it goes offline
 * (OfflineNotify), and publishes presence.changed / presence.offline (§15.2).
 */
@ApplicationScoped
public class Presences {

    @Inject PresenceDirectory directory;
    @Inject Event<EnterpriseEvent> events;
    @Inject Notifications notifications;
    @Inject Visibility visibility;
    @Inject Clock clock;
    @Inject Node node;

    /**
     * Records a connection bound on this node (a device keeps only its newest one, §3.1, and is online). Returns whether
     * the visible presence changed, to be {@link #announce announced} once the bind reply is out (§8.4 step 3).
     */
    public boolean connected(EntityRef entity, String connId, String presence) {
        return changed(entity, directory.update(entity, b -> b.bound(connId, presence, node.name())));
    }

    /** PresenceSetRequest: returns whether the visible presence changed (then {@link #announce}). */
    public boolean changed(EntityRef entity, String connId, String presence) {
        return changed(entity, directory.update(entity, b -> b.set(connId, presence)));
    }

    private boolean changed(EntityRef entity, PresenceDirectory.Change change) {
        publishIfChanged(entity, change);
        return !change.before().visible().equals(change.after().visible());
    }

    /** The connection is gone: OfflineNotify with {@code reason} if it was the last visible one (§8.6). */
    public void disconnected(EntityRef entity, String connId, String reason) {
        Bindings now = directory.of(entity);
        if (!now.holds(connId)) {
            return; // a replaced device connection: the entity stays online
        }
        List<EntityRef> observersBefore = now.visible().isOffline() ? List.of() : visibility.observersOf(entity);
        PresenceDirectory.Change change = directory.update(entity, b -> b.without(connId));
        if (change.after().isEmpty()) {
            events.fire(new EnterpriseEvent.PresenceOffline(entity, reason));
            for (EntityRef x : observersBefore) {
                notifications.live(x, new WentOffline(entity, reason, clock.instant()));
            }
            return;
        }
        if (changed(entity, change)) {
            announce(entity);
        }
    }

    /** StatusChangeNotify with the entity's visible presence to every related x with V(x, e) (§13.3). */
    public void announce(EntityRef entity) {
        StatusChange status = status(entity);
        for (EntityRef x : visibility.observersOf(entity)) {
            notifications.live(x, status);
        }
    }

    /** StatusChangeNotify (§13.3): the entity's visible presence now. */
    public StatusChange status(EntityRef entity) {
        Presence p = visiblePresence(entity);
        return new StatusChange(entity, p.presence(), p.connCount(), clock.instant());
    }

    public boolean isOnline(EntityRef entity) {
        return !directory.of(entity).isEmpty();
    }

    /** The aggregate presence others may see (§4.3). */
    public Presence visiblePresence(EntityRef entity) {
        return directory.of(entity).visible();
    }

    public List<String> connIds(EntityRef entity) {
        return directory.of(entity).connIds();
    }

    private void publishIfChanged(EntityRef entity, PresenceDirectory.Change change) {
        Presence p = change.after().truePresence();
        if (!p.equals(change.before().truePresence()) && !p.isOffline()) {
            events.fire(new EnterpriseEvent.PresenceChanged(entity, p.presence(), p.connCount()));
        }
    }
}
