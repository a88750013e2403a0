package org.irsp.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OperatorTest {

    @Test
    void anAdministratorIsAuditedByNameAndTheReasonFollowsWhatWasActedOn() {
        Operator by = new Operator("ops", "10.0.0.9", "stolen device");
        assertEquals("admin:ops", by.actor());
        assertEquals("device:urn:x reason: stolen device", by.detail("device:urn:x"));
        assertEquals("device:urn:x", new Operator("ops", null, " ").detail("device:urn:x"), "no reason, nothing added");
    }
}
