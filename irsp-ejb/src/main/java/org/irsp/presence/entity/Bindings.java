package org.irsp.presence.entity;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.irsp.registration.entity.EntityType;

/**
 * An entity's bound connections, the presence each asked for and the node that holds each, with the rules
 * that bind them: a device keeps only its newest connection (§3.1) and is always online (§4.2, §8.5); a
 * user may hold several, each online, busy, away or invisible, on any nodes. Immutable: the presence
 * directory replaces it whole, and a cluster's shared map holds it as {@link #text}.
 */
public record Bindings(EntityType type, Map<String, String> presences, Map<String, String> nodes) {

    public Bindings {
        presences = Map.copyOf(presences);
        nodes = Map.copyOf(nodes);
        if (!presences.keySet().equals(nodes.keySet())) {
            throw new IllegalArgumentException("every bound connId has a presence and a node");
        }
    }

    public static Bindings none(EntityType type) {
        return new Bindings(type, Map.of(), Map.of());
    }

    /** The presence a connection of an entity of {@code type} gets when it asks for {@code requested} at bind. */
    public static String atBind(EntityType type, String requested) {
        return type == EntityType.DEVICE || requested == null ? "online" : requested;
    }

    /** Whether a connection of an entity of {@code type} may set {@code presence} (PresenceSetRequest). */
    public static boolean allows(EntityType type, String presence) {
        return type != EntityType.DEVICE || "online".equals(presence);
    }

    /** With {@code connId} bound on {@code node}: for a device, instead of any other connection. */
    public Bindings bound(String connId, String requested, String node) {
        String presence = atBind(type, requested);
        if (type == EntityType.DEVICE) {
            return new Bindings(type, Map.of(connId, presence), Map.of(connId, node));
        }
        return with(connId, presence, node);
    }

    /** With {@code connId}'s presence set; refused for a device asking for anything but online. */
    public Bindings set(String connId, String presence) {
        if (!allows(type, presence)) {
            throw new IllegalArgumentException("a device is always online");
        }
        if (!holds(connId)) {
            return this; // its connection ended meanwhile
        }
        return with(connId, presence, nodes.get(connId));
    }

    public Bindings without(String connId) {
        Map<String, String> left = new LinkedHashMap<>(presences);
        Map<String, String> leftNodes = new LinkedHashMap<>(nodes);
        left.remove(connId);
        leftNodes.remove(connId);
        return new Bindings(type, left, leftNodes);
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

    /** The node that holds {@code connId}, or null when it is not bound. */
    public String nodeOf(String connId) {
        return nodes.get(connId);
    }

    /** The nodes that hold at least one of the connections. */
    public Set<String> nodeNames() {
        return new LinkedHashSet<>(nodes.values());
    }

    /** The connIds bound on {@code node}. */
    public List<String> connIdsOn(String node) {
        return nodes.entrySet().stream().filter(e -> e.getValue().equals(node)).map(Map.Entry::getKey).toList();
    }

    /** What others may see (§4.3). */
    public Presence visible() {
        return Presence.aggregate(presences.values());
    }

    /** What §15.2 events carry: invisibility ignored. */
    public Presence truePresence() {
        return Presence.truePresence(presences.values());
    }

    /** The form a shared map holds: one line per connection, "connId presence node". */
    public String text() {
        StringBuilder s = new StringBuilder();
        presences.forEach((connId, presence) -> s.append(connId).append(' ').append(presence).append(' ')
                .append(nodes.get(connId)).append('\n'));
        return s.toString();
    }

    /** Reads {@link #text}; null or empty is {@link #none}. */
    public static Bindings parse(EntityType type, String text) {
        if (text == null || text.isEmpty()) {
            return none(type);
        }
        Map<String, String> presences = new LinkedHashMap<>();
        Map<String, String> nodes = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ", 3);
            presences.put(f[0], f[1]);
            nodes.put(f[0], f[2]);
        }
        return new Bindings(type, presences, nodes);
    }

    private Bindings with(String connId, String presence, String node) {
        Map<String, String> next = new LinkedHashMap<>(presences);
        Map<String, String> nextNodes = new LinkedHashMap<>(nodes);
        next.put(connId, presence);
        nextNodes.put(connId, node);
        return new Bindings(type, next, nextNodes);
    }
}
