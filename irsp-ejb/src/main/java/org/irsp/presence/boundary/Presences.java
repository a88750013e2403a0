package org.irsp.presence.boundary;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.push.entity.StatusChange;
import org.irsp.push.entity.WentOffline;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.irsp.messaging.control.EnterpriseEvents;
import org.irsp.messaging.control.Notifications;
import org.irsp.presence.control.Visibility;
import org.irsp.presence.entity.Presence;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/**
 * The presence directory: which entities are bound, on which connIds, with which connection presence
 * (node-local in single-node mode: the seam for a cluster-wide cache). Tells those who may see an
 * entity (V, §4.4) when its visible presence changes (StatusChangeNotify) or it goes offline
 * (OfflineNotify), and publishes presence.changed / presence.offline (§15.2).
 */
@ApplicationScoped
public class Presences {

    private final Map<EntityRef, Map<String, String>> byEntity = new ConcurrentHashMap<>();

    @Inject EnterpriseEvents events;
    @Inject Notifications notifications;
    @Inject Visibility visibility;
    @Inject Clock clock;

    /**
     * Records a bound connection; a device keeps only its newest one (§3.1). Returns whether the visible
     * presence changed, to be {@link #announce announced} once the bind reply is out (§8.4 step 3).
     */
    public boolean connected(EntityRef entity, String connId, String presence) {
        Presence visibleBefore = visiblePresence(entity);
        Presence trueBefore = truePresence(entity);
        if (entity.type() == EntityType.DEVICE) {
            Map<String, String> only = new ConcurrentHashMap<>();
            only.put(connId, presence);
            byEntity.put(entity, only);
        } else {
            byEntity.computeIfAbsent(entity, e -> new ConcurrentHashMap<>()).put(connId, presence);
        }
        publishIfChanged(entity, trueBefore);
        return !visibleBefore.equals(visiblePresence(entity));
    }

    /** PresenceSetRequest: returns whether the visible presence changed (then {@link #announce}). */
    public boolean changed(EntityRef entity, String connId, String presence) {
        Presence visibleBefore = visiblePresence(entity);
        Presence trueBefore = truePresence(entity);
        byEntity.computeIfAbsent(entity, e -> new ConcurrentHashMap<>()).put(connId, presence);
        publishIfChanged(entity, trueBefore);
        return !visibleBefore.equals(visiblePresence(entity));
    }

    /** The connection is gone: OfflineNotify with {@code reason} if it was the last visible one (§8.6). */
    public void disconnected(EntityRef entity, String connId, String reason) {
        if (!byEntity.getOrDefault(entity, Map.of()).containsKey(connId)) {
            return; // a replaced device connection: the entity stays online
        }
        Presence visibleBefore = visiblePresence(entity);
        Presence trueBefore = truePresence(entity);
        List<EntityRef> observersBefore = visibleBefore.isOffline() ? List.of() : visibility.observersOf(entity);
        Map<String, String> left = byEntity.computeIfPresent(entity, (e, m) -> {
            m.remove(connId);
            return m.isEmpty() ? null : m;
        });
        if (left == null) {
            events.publish("presence.offline", entity.type().wire(), entity.id(),
                    Wire.JSON.createObjectBuilder().add("reason", reason).build());
            for (EntityRef x : observersBefore) {
                notifications.live(x, new WentOffline(entity, reason, clock.instant()));
            }
            return;
        }
        publishIfChanged(entity, trueBefore);
        if (!visibleBefore.equals(visiblePresence(entity))) {
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
        return byEntity.containsKey(entity);
    }

    /** The aggregate presence others may see (§4.3). */
    public Presence visiblePresence(EntityRef entity) {
        return Presence.aggregate(byEntity.getOrDefault(entity, Map.of()).values());
    }

    public List<String> connIds(EntityRef entity) {
        return List.copyOf(byEntity.getOrDefault(entity, Map.of()).keySet());
    }

    private Presence truePresence(EntityRef entity) {
        return Presence.truePresence(byEntity.getOrDefault(entity, Map.of()).values());
    }

    private void publishIfChanged(EntityRef entity, Presence trueBefore) {
        Presence p = truePresence(entity);
        if (!p.equals(trueBefore) && !p.isOffline()) {
            events.publish("presence.changed", entity.type().wire(), entity.id(),
                    Wire.JSON.createObjectBuilder().add("presence", p.presence()).add("connCount", p.connCount()).build());
        }
    }
}
