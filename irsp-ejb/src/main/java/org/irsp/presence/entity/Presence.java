package org.irsp.presence.entity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * §4.3 aggregate presence of an entity from the presences of its bound connections: offline when none is
 * visible, else the most available of the visible ones (online > busy > away); connCount counts the
 * visible connections.
 */
public record Presence(String presence, int connCount) {

    public static final Set<String> USER_VALUES = Set.of("online", "busy", "away", "invisible");
    public static final Presence OFFLINE = new Presence("offline", 0);
    private static final List<String> BY_AVAILABILITY = List.of("online", "busy", "away");

    public static Presence aggregate(Collection<String> connectionPresences) {
        int visible = 0;
        int best = BY_AVAILABILITY.size();
        for (String p : connectionPresences) {
            int rank = BY_AVAILABILITY.indexOf(p);
            if (rank >= 0) {
                visible++;
                best = Math.min(best, rank);
            }
        }
        return visible == 0 ? OFFLINE : new Presence(BY_AVAILABILITY.get(best), visible);
    }

    /** §15.2 presence.changed carries the true presence, ignoring invisibility. */
    public static Presence truePresence(Collection<String> connectionPresences) {
        if (connectionPresences.isEmpty()) {
            return OFFLINE;
        }
        Presence visible = aggregate(connectionPresences);
        return visible.connCount() > 0
                ? new Presence(visible.presence(), connectionPresences.size())
                : new Presence("invisible", connectionPresences.size());
    }

    public boolean isOffline() {
        return connCount == 0;
    }
}
