package org.irsp.registration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityRefTest {

    @Test
    void userIdsAreCaseInsensitiveAndCanonicallyLowerCase() {
        assertEquals("alice.b-1_x", EntityRef.canonicalUserId("Alice.B-1_x").orElseThrow());
        assertTrue(EntityRef.canonicalUserId("abc").isEmpty());
        assertTrue(EntityRef.canonicalUserId("a".repeat(128)).isEmpty());
        assertTrue(EntityRef.canonicalUserId("al ice").isEmpty());
    }

    @Test
    void deviceIdsGetTheExactPrefixAndALowerCaseUuid() {
        assertEquals("urn:IGRS:Device:DeviceId:0f8fad5b-d9cb-469f-a165-70867728950e",
                EntityRef.canonicalDeviceId("urn:igrs:device:deviceid:0F8FAD5B-D9CB-469F-A165-70867728950E").orElseThrow());
        assertTrue(EntityRef.canonicalDeviceId("urn:IGRS:Device:DeviceId:not-a-uuid").isEmpty());
    }

    @Test
    void aBareIdStartingWithUrnIsADevice() {
        assertEquals(EntityType.DEVICE,
                EntityRef.parseBare("URN:IGRS:Device:DeviceId:0f8fad5b-d9cb-469f-a165-70867728950e").orElseThrow().type());
        assertEquals(EntityType.USER, EntityRef.parseBare("alice").orElseThrow().type());
    }
}
