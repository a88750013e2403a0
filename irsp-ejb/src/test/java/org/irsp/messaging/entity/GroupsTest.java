package org.irsp.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;
import org.irsp.relationship.entity.Role;
import org.junit.jupiter.api.Test;

/** §11.1 groups: who is in friends, devices and all, seen from a user and from a device, and in what order. */
class GroupsTest {

    static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    static final EntityRef ALICE = EntityRef.user("alice");
    static final EntityRef BOB = EntityRef.user("bob1");
    static final EntityRef ZOE = EntityRef.user("zoe");
    static final EntityRef D1 = EntityRef.device("urn:IGRS:Device:DeviceId:0000000a-0000-0000-0000-000000000000");
    static final EntityRef D2 = EntityRef.device("urn:IGRS:Device:DeviceId:0000000b-0000-0000-0000-000000000000");

    static final List<Relationship> ALICES = List.of(
            new Relationship(Kind.USER_USER, ZOE, ALICE, Role.FRIEND, null, T0),
            new Relationship(Kind.USER_DEVICE, ALICE, D2, Role.OWNER, null, T0),
            new Relationship(Kind.USER_USER, ALICE, BOB, Role.FRIEND, null, T0),
            new Relationship(Kind.USER_DEVICE, ALICE, D1, Role.MEMBER, 15, T0));

    @Test
    void aUsersFriendsAreItsUserRelationsByAscendingId() {
        assertEquals(List.of(BOB, ZOE), Groups.members(ALICE, "friends", ALICES));
    }

    @Test
    void aUsersDevicesAndAllListDevicesFirst() {
        assertEquals(List.of(D1, D2), Groups.members(ALICE, "devices", ALICES));
        assertEquals(List.of(D1, D2, BOB, ZOE), Groups.members(ALICE, "all", ALICES));
    }

    @Test
    void forADeviceAllAlsoHoldsTheUsersRelatedToItButFriendsIsEmpty() {
        List<Relationship> d1s = List.of(
                new Relationship(Kind.USER_DEVICE, ALICE, D1, Role.OWNER, null, T0),
                new Relationship(Kind.DEVICE_DEVICE, D1, D2, Role.PEER, null, T0));
        assertEquals(List.of(D2, ALICE), Groups.members(D1, "all", d1s));
        assertEquals(List.of(D2), Groups.members(D1, "devices", d1s));
        assertEquals(List.of(), Groups.members(D1, "friends", d1s));
    }
}
