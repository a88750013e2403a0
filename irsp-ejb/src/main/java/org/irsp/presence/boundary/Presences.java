package org.irsp.presence.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.irsp.messaging.control.EnterpriseEvents;
import org.irsp.presence.entity.Presence;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/**
 * The presence directory: which entities are bound, on which connIds, with which connection presence.
 * Node-local in single-node mode (the seam for a cluster-wide cache). Publishes presence.changed and
 * presence.offline (§15.2) when the true presence changes.
 */
@ApplicationScoped
public class Presences {

    private final Map<EntityRef, Map<String, String>> byEntity = new ConcurrentHashMap<>();

    @Inject
    EnterpriseEvents events;

    /** A device has at most one connection (§3.1): a newer bind takes the place of the older one. */
    public void connected(EntityRef entity, String connId, String presence) {
        if (entity.type() == EntityType.DEVICE) {
            Presence before = truePresence(entity);
            Map<String, String> only = new ConcurrentHashMap<>();
            only.put(connId, presence);
            byEntity.put(entity, only);
            if (!before.equals(truePresence(entity))) {
                publishChanged(entity);
            }
            return;
        }
        update(entity, connId, presence);
    }

    public void changed(EntityRef entity, String connId, String presence) {
        update(entity, connId, presence);
    }

    /** The connection is gone; publishes presence.offline with {@code reason} if it was the last one. */
    public void disconnected(EntityRef entity, String connId, String reason) {
        if (!byEntity.getOrDefault(entity, Map.of()).containsKey(connId)) {
            return; // a replaced device connection: the entity stays online
        }
        Presence before = truePresence(entity);
        Map<String, String> conns = byEntity.computeIfPresent(entity, (e, m) -> {
            m.remove(connId);
            return m.isEmpty() ? null : m;
        });
        if (conns == null) {
            events.publish("presence.offline", entity.type().wire(), entity.id(),
                    Json.createObjectBuilder().add("reason", reason).build());
        } else if (!before.equals(truePresence(entity))) {
            publishChanged(entity);
        }
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

    private void update(EntityRef entity, String connId, String presence) {
        Presence before = truePresence(entity);
        byEntity.computeIfAbsent(entity, e -> new ConcurrentHashMap<>()).put(connId, presence);
        if (!before.equals(truePresence(entity))) {
            publishChanged(entity);
        }
    }

    private Presence truePresence(EntityRef entity) {
        return Presence.truePresence(byEntity.getOrDefault(entity, Map.of()).values());
    }

    private void publishChanged(EntityRef entity) {
        Presence p = truePresence(entity);
        events.publish("presence.changed", entity.type().wire(), entity.id(),
                Json.createObjectBuilder().add("presence", p.presence()).add("connCount", p.connCount()).build());
    }
}
