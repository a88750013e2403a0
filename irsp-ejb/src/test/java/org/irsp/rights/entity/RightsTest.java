package org.irsp.rights.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.irsp.registration.entity.DefaultPolicy;
import org.junit.jupiter.api.Test;

/** §9.1 effective rights and the §9.3 rights per op. */
class RightsTest {

    @Test
    void theDeviceItselfAndItsOwnerHoldEverything() {
        assertEquals(63, Rights.effective(true, Optional.of(1), Optional.empty(), DefaultPolicy.OWNER_ONLY));
    }

    @Test
    void anExplicitEntryWinsOverTheRelationship() {
        assertEquals(3, Rights.effective(false, Optional.of(3), Optional.of(15), DefaultPolicy.RELATED_ONLY));
        assertEquals(15, Rights.effective(false, Optional.empty(), Optional.of(15), DefaultPolicy.RELATED_ONLY));
        assertEquals(0, Rights.effective(false, Optional.empty(), Optional.empty(), DefaultPolicy.PUBLIC));
    }

    @Test
    void ownerOnlyLeavesRightsOnlyToAdministrators() {
        assertEquals(0, Rights.effective(false, Optional.empty(), Optional.of(15), DefaultPolicy.OWNER_ONLY));
        assertEquals(63, Rights.effective(false, Optional.empty(), Optional.of(63), DefaultPolicy.OWNER_ONLY));
        assertEquals(0x21, Rights.effective(false, Optional.of(0x21), Optional.of(15), DefaultPolicy.OWNER_ONLY));
    }

    @Test
    void eachOpNeedsItsBit() {
        assertEquals(Optional.of(Rights.READ), Rights.requiredFor("read"));
        assertEquals(Optional.of(Rights.READ), Rights.requiredFor("other"));
        assertEquals(Optional.of(Rights.CONTROL), Rights.requiredFor("control"));
        assertEquals(Optional.of(Rights.EVENTS), Rights.requiredFor("event"));
        assertTrue(Rights.requiredFor("launch").isEmpty());
        assertTrue(Rights.requiredFor(null).isEmpty());
    }
}
