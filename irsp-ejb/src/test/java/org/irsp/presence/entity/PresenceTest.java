package org.irsp.presence.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceTest {

    @Test
    void theMostAvailableVisibleConnectionWins() {
        assertEquals(new Presence("busy", 2), Presence.aggregate(List.of("away", "busy", "invisible")));
        assertEquals(new Presence("online", 1), Presence.aggregate(List.of("online")));
    }

    @Test
    void onlyInvisibleOrNoConnectionsIsOffline() {
        assertEquals(Presence.OFFLINE, Presence.aggregate(List.of("invisible", "invisible")));
        assertEquals(Presence.OFFLINE, Presence.aggregate(List.of()));
    }

    @Test
    void truePresenceIgnoresInvisibility() {
        assertEquals(new Presence("invisible", 2), Presence.truePresence(List.of("invisible", "invisible")));
        assertEquals(new Presence("away", 2), Presence.truePresence(List.of("away", "invisible")));
    }
}
