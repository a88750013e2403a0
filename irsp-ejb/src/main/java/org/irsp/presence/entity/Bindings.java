package org.irsp.presence.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.irsp.registration.entity.EntityType;

/**
 * An entity's bound connections and the presence each asked for, with the rules that bind them: a
 * device keeps only its newest connection (§3.1) and is always online (§4.2, §8.5); a user may hold
 * several, each online, busy, away or invisible. Immutable: the presence directory replaces it whole,
 * so a shared (cluster) directory can store it as a value.
 */
public record Bindings(EntityType type, Map<String, String> presences) {

    public Bindings {
        presences = Map.copyOf(presences);
    }

    public static Bindings none(EntityType type) {
        return new Bindings(type, Map.of());
    }

    /** The presence a connection of an entity of {@code type} gets when it asks for {@code requested} at bind. */
    public static String atBind(EntityType type, String requested) {
        return type == EntityType.DEVICE || requested == null ? "online" : requested;
    }

    /** Whether a connection of an entity of {@code type} may set {@code presence} (PresenceSetRequest). */
    public static boolean allows(EntityType type, String presence) {
        return type != EntityType.DEVICE || "online".equals(presence);
    }

    /** With {@code connId} bound: for a device, instead of any other connection. */
    public Bindings bound(String connId, String requested) {
        String presence = atBind(type, requested);
        if (type == EntityType.DEVICE) {
            return new Bindings(type, Map.of(connId, presence));
        }
        return with(connId, presence);
    }

    /** With {@code connId}'s presence set; refused for a device asking for anything but online. */
    public Bindings set(String connId, String presence) {
        if (!allows(type, presence)) {
            throw new IllegalArgumentException("a device is always online");
        }
        return with(connId, presence);
    }

    public Bindings without(String connId) {
        Map<String, String> left = new LinkedHashMap<>(presences);
        left.remove(connId);
        return new Bindings(type, left);
    }

    public boolean holds(String connId) {
        return presences.containsKey(connId);
    }

    public boolean isEmpty() {
        return presences.isEmpty();
    }

    public List<String> connIds() {
        return List.copyOf(presences.keySet());
    }

    /** What others may see (§4.3). */
    public Presence visible() {
        return Presence.aggregate(presences.values());
    }

    /** What §15.2 events carry: invisibility ignored. */
    public Presence truePresence() {
        return Presence.truePresence(presences.values());
    }

    private Bindings with(String connId, String presence) {
        Map<String, String> next = new LinkedHashMap<>(presences);
        next.put(connId, presence);
        return new Bindings(type, next);
    }
}
