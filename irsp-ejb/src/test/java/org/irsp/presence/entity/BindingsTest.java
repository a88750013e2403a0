package org.irsp.presence.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.irsp.registration.entity.EntityType;
import org.junit.jupiter.api.Test;

class BindingsTest {

    @Test
    void aDeviceKeepsOnlyItsNewestConnectionAndIsAlwaysOnline() {
        Bindings b = Bindings.none(EntityType.DEVICE).bound("c1", "away", "n1").bound("c2", "invisible", "n1");
        assertEquals(List.of("c2"), b.connIds());
        assertEquals(new Presence("online", 1), b.visible());
        assertThrows(IllegalArgumentException.class, () -> b.set("c2", "busy"));
        assertEquals(b, b.set("c2", "online"));
    }

    @Test
    void aUserHoldsEveryConnectionAndShowsTheMostAvailableVisibleOne() {
        Bindings b = Bindings.none(EntityType.USER).bound("c1", "away", "n1").bound("c2", "invisible", "n1").bound("c3", null, "n1");
        assertEquals(List.of("c1", "c2", "c3"), b.connIds().stream().sorted().toList());
        assertEquals(new Presence("online", 2), b.visible());
        assertEquals(new Presence("online", 3), b.truePresence());
        Bindings hidden = b.without("c1").without("c3");
        assertEquals(Presence.OFFLINE, hidden.visible(), "only invisible connections: offline to others");
        assertEquals(new Presence("invisible", 1), hidden.truePresence());
        assertTrue(hidden.holds("c2"));
        assertFalse(hidden.holds("c1"));
    }

    @Test
    void theLastConnectionGoneLeavesNoBindings() {
        Bindings b = Bindings.none(EntityType.USER).bound("c1", "busy", "n1").without("c1");
        assertTrue(b.isEmpty());
        assertEquals(Presence.OFFLINE, b.visible());
        assertEquals(Presence.OFFLINE, b.truePresence());
    }

    @Test
    void aBindAsksForOnlineUnlessAUserSaysOtherwise() {
        assertEquals("online", Bindings.atBind(EntityType.DEVICE, "away"));
        assertEquals("away", Bindings.atBind(EntityType.USER, "away"));
        assertEquals("online", Bindings.atBind(EntityType.USER, null));
        assertTrue(Bindings.allows(EntityType.USER, "invisible"));
        assertFalse(Bindings.allows(EntityType.DEVICE, "invisible"));
    }

    @Test
    void eachConnectionIsHeldByTheNodeThatBoundItAndTheTextFormKeepsEverything() {
        Bindings b = Bindings.none(EntityType.USER).bound("c1", "away", "n1").bound("c2", null, "n2").bound("c3", "busy", "n1");
        assertEquals("n2", b.nodeOf("c2"));
        assertEquals(java.util.Set.of("n1", "n2"), b.nodeNames());
        assertEquals(List.of("c1", "c3"), b.connIdsOn("n1").stream().sorted().toList());
        assertEquals("n1", b.set("c1", "online").nodeOf("c1"), "a presence change keeps the node");
        assertEquals(b, Bindings.parse(EntityType.USER, b.text()));
        assertEquals(Bindings.none(EntityType.DEVICE), Bindings.parse(EntityType.DEVICE, null));
        assertEquals(java.util.Set.of("n1", "n2"), b.without("c2").bound("c2", null, "n2").nodeNames());
    }

    @Test
    void aPresenceSetForAConnectionThatEndedChangesNothing() {
        Bindings b = Bindings.none(EntityType.USER).bound("c1", "away", "n1");
        assertEquals(b, b.set("gone", "busy"));
    }
}
