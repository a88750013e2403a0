package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.irsp.client.IrspRest;
import org.irsp.client.RestReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §10 relationships over real sockets: claiming, approval, Table 2 in practice, release, presence. */
@ExtendWith(IrspServer.class)
class RelationshipIT {

    private final IrspRest rest = Fixtures.rest();

    /** Registers a device with a known code; returns its ID. */
    static String deviceWithCode(String code) {
        RestReply r = Fixtures.rest().post("devices", Json.createObjectBuilder(Fixtures.device(Fixtures.newDeviceId()))
                .add("verificationCode", code).build());
        assertEquals(200, r.retCode());
        return r.body().getString("deviceId");
    }

    static JsonObject establish(String kind, JsonObject target, String code) {
        var b = Json.createObjectBuilder().add("kind", kind).add("target", target);
        if (code != null) {
            b.add("verificationCode", code);
        }
        return b.build();
    }

    @Test
    void aUserClaimsAnUnownedDeviceWithItsCodeAndBothLearnEachOthersPresence() {
        String deviceId = deviceWithCode("7KQ4MZ2TXH9P");
        try (Party alice = Party.user(Fixtures.newUser()); Party device = Party.device(deviceId)) {
            JsonObject noCode = alice.request("RelationshipEstablishRequest", establish("user-device", device.address(), null));
            assertEquals(403, noCode.getInt("retCode"));
            assertEquals("body.verificationCode", noCode.getJsonObject("details").getString("field"));

            JsonObject claimed = alice.request("RelationshipEstablishRequest", establish("user-device", device.address(), "7kq4-mz2t-xh9p"));
            assertEquals(200, claimed.getInt("retCode"));
            assertEquals("owner", claimed.getJsonObject("body").getString("role"));
            assertEquals(63, claimed.getJsonObject("body").getInt("rights"));

            JsonObject established = device.next("RelationshipEstablishedNotify");
            assertEquals("verificationCode", established.getJsonObject("body").getString("via"));
            assertEquals(claimed.getJsonObject("body").getString("relationshipId"), established.getJsonObject("body").getString("relationshipId"));
            JsonObject aliceSeesDevice = alice.next("StatusChangeNotify");
            assertEquals(deviceId, aliceSeesDevice.getJsonObject("body").getString("id"));
            assertEquals("online", aliceSeesDevice.getJsonObject("body").getString("presence"));
            assertEquals(alice.id, device.next("StatusChangeNotify").getJsonObject("body").getString("id"));

            RestReply record = rest.call("GET", "devices/" + IrspRest.encode(deviceId), null, alice.session.token());
            assertEquals(alice.id, record.body().getString("owner"));
            assertEquals(409, alice.request("RelationshipEstablishRequest", establish("user-device", device.address(), null)).getInt("retCode"));
        }
    }

    @Test
    void wrongCodesAreCountedAndThrottled() {
        String deviceId = deviceWithCode("ABCD2345");
        try (Party mallory = Party.user(Fixtures.newUser())) {
            JsonObject target = Json.createObjectBuilder().add("type", "device").add("id", deviceId).build();
            for (int i = 0; i < 5; i++) {
                JsonObject wrong = mallory.request("RelationshipEstablishRequest", establish("user-device", target, "ZZZZ2222"));
                assertEquals(403, wrong.getInt("retCode"));
            }
            JsonObject throttled = mallory.request("RelationshipEstablishRequest", establish("user-device", target, "ABCD2345"));
            assertEquals(429, throttled.getInt("retCode"));
        }
    }

    @Test
    void anOwnedDeviceNeedsItsOwnersApprovalEvenWithTheCode() {
        String deviceId = deviceWithCode("QRST6789");
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = Party.user(Fixtures.newUser())) {
            JsonObject target = Json.createObjectBuilder().add("type", "device").add("id", deviceId).build();
            assertEquals(200, alice.request("RelationshipEstablishRequest", establish("user-device", target, "QRST6789")).getInt("retCode"));
            JsonObject pending = bob.request("RelationshipEstablishRequest", establish("user-device", target, "QRST6789"));
            assertEquals(202, pending.getInt("retCode"));
            String requestId = pending.getJsonObject("body").getString("requestId");
            JsonObject again = bob.request("RelationshipEstablishRequest", establish("user-device", target, null));
            assertEquals(requestId, again.getJsonObject("body").getString("requestId"));

            JsonObject notify = alice.next("RelationshipRequestNotify");
            assertEquals(requestId, notify.getJsonObject("body").getString("requestId"));
            assertEquals("member", notify.getJsonObject("body").getString("role"));

            assertEquals(403, bob.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build())
                    .getInt("retCode"), "the requester is no approver (rule 5)");
            JsonObject overGrant = alice.request("RelationshipAcceptResponse", Json.createObjectBuilder()
                    .add("requestId", requestId).add("rights", 63).build());
            assertEquals(200, overGrant.getInt("retCode"), "the owner may grant everything");
            String relationshipId = overGrant.getJsonObject("body").getString("relationshipId");
            JsonObject result = bob.next("RelationshipResultNotify");
            assertEquals("accepted", result.getJsonObject("body").getString("result"));
            assertEquals(relationshipId, result.getJsonObject("body").getString("relationshipId"));
            JsonObject repeated = alice.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build());
            assertEquals(relationshipId, repeated.getJsonObject("body").getString("relationshipId"), "rule 4");
            assertEquals(410, alice.request("RelationshipRejectResponse", Json.createObjectBuilder().add("requestId", requestId).build())
                    .getInt("retCode"), "rule 3: another decision after closure");
        }
    }

    @Test
    void friendsNeedApprovalAndCanBeRejectedOrWithdrawn() {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = Party.user(Fixtures.newUser())) {
            JsonObject first = alice.request("RelationshipEstablishRequest", establish("user-user", bob.address(), null));
            assertEquals(202, first.getInt("retCode"));
            String rejected = first.getJsonObject("body").getString("requestId");
            bob.next("RelationshipRequestNotify");
            assertEquals(200, bob.request("RelationshipRejectResponse", Json.createObjectBuilder().add("requestId", rejected)
                    .add("reason", "who are you").build()).getInt("retCode"));
            JsonObject result = alice.next("RelationshipResultNotify");
            assertEquals("rejected", result.getJsonObject("body").getString("result"));
            assertEquals(403, result.getJsonObject("body").getInt("retCode"));
            assertEquals("who are you", result.getJsonObject("body").getString("reason"));

            String withdrawn = alice.request("RelationshipEstablishRequest", establish("user-user", bob.address(), null))
                    .getJsonObject("body").getString("requestId");
            assertEquals(403, bob.request("RelationshipWithdrawRequest", Json.createObjectBuilder().add("requestId", withdrawn).build())
                    .getInt("retCode"));
            assertEquals(200, alice.request("RelationshipWithdrawRequest", Json.createObjectBuilder().add("requestId", withdrawn).build())
                    .getInt("retCode"));
            assertEquals(410, alice.request("RelationshipWithdrawRequest", Json.createObjectBuilder().add("requestId", withdrawn).build())
                    .getInt("retCode"));
            assertEquals(410, bob.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", withdrawn).build())
                    .getInt("retCode"));
        }
    }

    @Test
    void crossedRequestsMakeOneRelationshipAndBothRequestersHearOnce() {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = Party.user(Fixtures.newUser())) {
            String aToB = alice.request("RelationshipEstablishRequest", establish("user-user", bob.address(), null))
                    .getJsonObject("body").getString("requestId");
            String bToA = bob.request("RelationshipEstablishRequest", establish("user-user", alice.address(), null))
                    .getJsonObject("body").getString("requestId");
            JsonObject accepted = bob.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", aToB).build());
            String relationshipId = accepted.getJsonObject("body").getString("relationshipId");
            assertEquals(relationshipId, alice.next("RelationshipResultNotify").getJsonObject("body").getString("relationshipId"));
            JsonObject bobsOwn = bob.next("RelationshipResultNotify");
            assertEquals(bToA, bobsOwn.getJsonObject("body").getString("requestId"));
            assertEquals("accepted", bobsOwn.getJsonObject("body").getString("result"));
            JsonObject late = alice.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", bToA).build());
            assertEquals(200, late.getInt("retCode"), "rule 6");
            assertEquals(relationshipId, late.getJsonObject("body").getString("relationshipId"));
            JsonObject list = alice.request("RelationshipListRequest", Json.createObjectBuilder().add("kind", "user-user").build());
            assertEquals(1, list.getJsonObject("body").getJsonArray("items").size());
            assertEquals("friend", list.getJsonObject("body").getJsonArray("items").getJsonObject(0).getString("role"));
            assertEquals("online", list.getJsonObject("body").getJsonArray("items").getJsonObject(0).getString("presence"));
        }
    }

    @Test
    void releaseTellsThePeerAndAnOwnerReleaseVacatesTheDevice() {
        String deviceId = deviceWithCode("HJKM3456");
        try (Party alice = Party.user(Fixtures.newUser()); Party device = Party.device(deviceId)) {
            String relationshipId = alice.request("RelationshipEstablishRequest", establish("user-device", device.address(), "HJKM3456"))
                    .getJsonObject("body").getString("relationshipId");
            assertEquals(200, alice.request("RelationshipReleaseRequest", Json.createObjectBuilder().add("relationshipId", relationshipId)
                    .build()).getInt("retCode"));
            JsonObject released = device.next("RelationshipReleasedNotify");
            assertEquals("released", released.getJsonObject("body").getString("reason"));
            assertEquals(alice.id, released.getJsonObject("body").getJsonObject("releasedBy").getString("id"));
            assertFalse(rest.call("GET", "devices/" + IrspRest.encode(deviceId), null, device.session.token()).body().containsKey("owner"));
            assertEquals(404, alice.request("RelationshipReleaseRequest", Json.createObjectBuilder().add("relationshipId", relationshipId)
                    .build()).getInt("retCode"));
        }
    }

    @Test
    void notificationsForAnOfflinePartyWaitInItsQueueAndPendingRequestsComeAgainAtBind() {
        String bobId = Fixtures.newUser();
        String requestId;
        try (Party alice = Party.user(Fixtures.newUser())) {
            requestId = alice.request("RelationshipEstablishRequest", establish("user-user",
                    Json.createObjectBuilder().add("type", "user").add("id", bobId).build(), null)).getJsonObject("body").getString("requestId");
            try (Party bob = Party.user(bobId)) {
                assertEquals(1, bob.bindReply.getJsonObject("body").getInt("pendingRequests"));
                assertEquals(requestId, bob.next("RelationshipRequestNotify").getJsonObject("body").getString("requestId"));
            }
        }
        String aliceId;
        try (Party bob = Party.user(bobId)) {
            RestReply incoming = rest.call("GET", "relationship-requests", null, bob.session.token());
            assertEquals(requestId, incoming.body().getJsonArray("items").getJsonObject(0).getString("requestId"));
            aliceId = incoming.body().getJsonArray("items").getJsonObject(0).getJsonObject("requester").getString("id");
            RestReply accepted = rest.call("POST", "relationship-requests/" + requestId,
                    Json.createObjectBuilder().add("decision", "accept").build(), bob.session.token());
            assertEquals(200, accepted.retCode());
        }
        try (Party alice = Party.user(aliceId)) {
            assertEquals(1, alice.bindReply.getJsonObject("body").getInt("offlineItems"));
            JsonObject result = alice.next("RelationshipResultNotify");
            assertEquals("accepted", result.getJsonObject("body").getString("result"));
            assertNotNull(result.getString("msgId"));
        }
        try (Party alice = Party.user(aliceId)) {
            assertEquals(0, alice.bindReply.getJsonObject("body").getInt("offlineItems"), "the auto-Ack removed it");
        }
    }

    @Test
    void onlyThoseWhoMaySeeAnEntityHearAboutItsPresence() {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = Party.user(Fixtures.newUser());
             Party stranger = Party.user(Fixtures.newUser())) {
            String requestId = alice.request("RelationshipEstablishRequest", establish("user-user", bob.address(), null))
                    .getJsonObject("body").getString("requestId");
            bob.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build());
            alice.next("StatusChangeNotify");
            bob.ws.request("PresenceSetRequest", Json.createObjectBuilder().add("presence", "busy").build(), Party.WAIT);
            assertEquals("busy", alice.next("StatusChangeNotify").getJsonObject("body").getString("presence"));
            bob.ws.request("PresenceSetRequest", Json.createObjectBuilder().add("presence", "invisible").build(), Party.WAIT);
            JsonObject hidden = alice.next("StatusChangeNotify");
            assertEquals("offline", hidden.getJsonObject("body").getString("presence"));
            assertEquals(0, hidden.getJsonObject("body").getInt("connCount"));
            bob.ws.request("PresenceSetRequest", Json.createObjectBuilder().add("presence", "online").build(), Party.WAIT);
            alice.next("StatusChangeNotify");
            bob.request("LogoutRequest", JsonObject.EMPTY_JSON_OBJECT);
            JsonObject offline = alice.next("OfflineNotify");
            assertEquals(bob.id, offline.getJsonObject("body").getString("id"));
            assertEquals("logout", offline.getJsonObject("body").getString("reason"));
            assertNull(stranger.ws.next("StatusChangeNotify", Duration.ofMillis(500)));
            assertNull(stranger.ws.next("OfflineNotify", Duration.ofMillis(200)));
        }
    }

    @Test
    void aSharingMemberApprovesWithinItsOwnRightsOnly() {
        String deviceId = deviceWithCode("TVWX3456");
        try (Party alice = Party.user(Fixtures.newUser()); Party carol = Party.user(Fixtures.newUser());
             Party bob = Party.user(Fixtures.newUser()); Party device = Party.device(deviceId)) {
            alice.request("RelationshipEstablishRequest", establish("user-device", device.address(), "TVWX3456"));
            String carolsRequest = carol.request("RelationshipEstablishRequest", establish("user-device", device.address(), null))
                    .getJsonObject("body").getString("requestId");
            assertEquals(200, alice.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", carolsRequest)
                    .add("rights", 0x1f).build()).getInt("retCode"), "carol may now share");

            JsonObject bobsAsk = Json.createObjectBuilder().add("kind", "user-device").add("target", device.address()).add("role", "admin").build();
            String bobsRequest = bob.request("RelationshipEstablishRequest", bobsAsk).getJsonObject("body").getString("requestId");
            assertEquals(bobsRequest, carol.next("RelationshipRequestNotify").getJsonObject("body").getString("requestId"));
            assertEquals(403, carol.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", bobsRequest)
                    .add("rights", 63).build()).getInt("retCode"), "rule 8: a right carol lacks");
            assertEquals(403, carol.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", bobsRequest)
                    .add("role", "admin").build()).getInt("retCode"), "rule 8: admin from a non-owner");
            assertEquals(200, carol.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", bobsRequest).build())
                    .getInt("retCode"), "the request stayed pending");
            JsonObject list = bob.request("RelationshipListRequest", JsonObject.EMPTY_JSON_OBJECT);
            JsonObject item = list.getJsonObject("body").getJsonArray("items").getJsonObject(0);
            assertEquals("member", item.getString("role"), "an admin request approved by a non-owner is capped to member");
            assertEquals(0x1f, item.getInt("rights"), "capped to carol's own rights");
        }
    }

    @Test
    void theOwnerRemovesAMemberAndADeviceReleasesItsUser() {
        String deviceId = deviceWithCode("VWXY4567");
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = Party.user(Fixtures.newUser()); Party device = Party.device(deviceId)) {
            alice.request("RelationshipEstablishRequest", establish("user-device", device.address(), "VWXY4567"));
            String request = bob.request("RelationshipEstablishRequest", establish("user-device", device.address(), null))
                    .getJsonObject("body").getString("requestId");
            String membership = alice.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", request).build())
                    .getJsonObject("body").getString("relationshipId");
            assertEquals(200, rest.call("DELETE", "relationships/" + membership, null, alice.session.token()).retCode());
            JsonObject removed = bob.next("RelationshipReleasedNotify");
            assertEquals("removed", removed.getJsonObject("body").getString("reason"));
            assertEquals("removed", device.next("RelationshipReleasedNotify").getJsonObject("body").getString("reason"));

            JsonObject byDevice = device.request("RelationshipReleaseRequest", Json.createObjectBuilder()
                    .add("peer", alice.address()).add("kind", "user-device").build());
            assertEquals(200, byDevice.getInt("retCode"));
            assertEquals("released", alice.next("RelationshipReleasedNotify").getJsonObject("body").getString("reason"));
        }
    }

    @Test
    void aUserOnTwoTerminalsCountsTwoConnections() {
        String bobId = Fixtures.newUser();
        try (Party alice = Party.user(Fixtures.newUser()); Party phone = Party.user(bobId)) {
            String requestId = alice.request("RelationshipEstablishRequest", establish("user-user", phone.address(), null))
                    .getJsonObject("body").getString("requestId");
            phone.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build());
            assertEquals(1, alice.next("StatusChangeNotify").getJsonObject("body").getInt("connCount"));
            try (Party laptop = Party.user(bobId)) {
                JsonObject two = alice.next("StatusChangeNotify");
                assertEquals(2, two.getJsonObject("body").getInt("connCount"));
            }
            JsonObject one = alice.next("StatusChangeNotify");
            assertEquals(1, one.getJsonObject("body").getInt("connCount"), "closing a non-last connection is a StatusChangeNotify");
            assertNull(alice.ws.next("OfflineNotify", Duration.ofMillis(300)));
        }
    }
}
