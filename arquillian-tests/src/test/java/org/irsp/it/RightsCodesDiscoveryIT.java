package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.irsp.client.IrspRest;
import org.irsp.client.RestReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §9 rights configuration, §10.5 verification codes, §13 search and status. */
@ExtendWith(IrspServer.class)
class RightsCodesDiscoveryIT {

    private final IrspRest rest = Fixtures.rest();

    /** Alice owns the device; {@code member} asks for {@code role} and Alice grants it. */
    private static void grant(Party owner, Party member, Party device, String role) {
        JsonObject body = Json.createObjectBuilder().add("kind", "user-device").add("target", device.address()).add("role", role).build();
        String requestId = member.request("RelationshipEstablishRequest", body).getJsonObject("body").getString("requestId");
        assertEquals(200, owner.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build())
                .getInt("retCode"));
    }

    private static JsonObject config(String deviceId, JsonObject... entries) {
        var list = Json.createArrayBuilder();
        for (JsonObject e : entries) {
            list.add(e);
        }
        return Json.createObjectBuilder().add("deviceId", deviceId).add("defaultPolicy", "relatedOnly").add("entries", list).build();
    }

    private static JsonObject entry(Party subject, int rights) {
        return Json.createObjectBuilder().add("subject", subject.address()).add("rights", rights).build();
    }

    @Test
    void theOwnerAndAnAdminConfigureRightsAndAMemberMayNot() {
        String deviceId = RelationshipIT.deviceWithCode("WXYZ2345");
        try (Party alice = Party.user(Fixtures.newUser()); Party admin = Party.user(Fixtures.newUser());
             Party member = Party.user(Fixtures.newUser()); Party device = Party.device(deviceId)) {
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", device.address(), "WXYZ2345"));
            grant(alice, admin, device, "admin");
            grant(alice, member, device, "member");

            JsonObject byOwner = alice.request("DeviceAccessRightsConfigRequest", config(deviceId, entry(member, 3)));
            assertEquals(200, byOwner.getInt("retCode"));
            assertEquals(3, byOwner.getJsonObject("body").getJsonArray("entries").getJsonObject(0).getInt("rights"));
            assertEquals(alice.id, byOwner.getJsonObject("body").getString("owner"));
            assertEquals(3, byOwner.getJsonObject("body").getJsonArray("relationships").size());

            assertEquals(200, admin.request("DeviceAccessRightsConfigRequest", config(deviceId, entry(member, 7))).getInt("retCode"));
            assertEquals(403, member.request("DeviceAccessRightsConfigRequest", config(deviceId)).getInt("retCode"));

            JsonObject unknown = alice.request("DeviceAccessRightsConfigRequest", config(deviceId,
                    Json.createObjectBuilder().add("subject", Json.createObjectBuilder().add("type", "user").add("id", "nobody" + System.nanoTime()))
                            .add("rights", 1).build()));
            assertEquals(404, unknown.getInt("retCode"));
            assertEquals("body.entries[0].subject", unknown.getJsonObject("details").getString("field"));
            assertEquals(400, alice.request("DeviceAccessRightsConfigRequest", config(deviceId, entry(member, 1), entry(member, 2)))
                    .getInt("retCode"));

            RestReply query = rest.call("GET", "devices/" + IrspRest.encode(deviceId) + "/rights", null, device.session.token());
            assertEquals(7, query.body().getJsonArray("entries").getJsonObject(0).getInt("rights"));
            assertEquals(403, rest.call("GET", "devices/" + IrspRest.encode(deviceId) + "/rights", null, member.session.token()).retCode());
        }
    }

    @Test
    void aDeviceResetsItsCodeReleasingEveryUserAndANewUserClaimsItWithTheNewCode() {
        String deviceId = RelationshipIT.deviceWithCode("MNPQ2345");
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = Party.user(Fixtures.newUser()); Party device = Party.device(deviceId)) {
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", device.address(), "MNPQ2345"));
            JsonObject modified = alice.request("VerificationCodeModifyRequest", Json.createObjectBuilder().add("deviceId", deviceId).build());
            assertEquals(200, modified.getInt("retCode"));
            assertTrue(modified.getJsonObject("body").getString("verificationCode").matches("[2-9A-HJKMNP-TV-Z]{12}"));
            assertEquals(424, alice.request("VerificationCodeModifyRequest", Json.createObjectBuilder().add("deviceId", deviceId)
                    .add("newCode", "OIL0").build()).getInt("retCode"));
            assertEquals(403, bob.request("VerificationCodeModifyRequest", Json.createObjectBuilder().add("deviceId", deviceId).build())
                    .getInt("retCode"));
            assertEquals(403, alice.request("DeviceVerificationCodeResetRequest", JsonObject.EMPTY_JSON_OBJECT).getInt("retCode"));

            JsonObject reset = device.request("DeviceVerificationCodeResetRequest", Json.createObjectBuilder().add("newCode", "RSTV-6789")
                    .add("releaseAll", true).build());
            assertEquals(200, reset.getInt("retCode"));
            assertEquals(1, reset.getJsonObject("body").getInt("released"));
            assertFalse(reset.getJsonObject("body").containsKey("verificationCode"));
            assertEquals("codeReset", alice.next("RelationshipReleasedNotify").getJsonObject("body").getString("reason"));

            JsonObject claimed = bob.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", device.address(), "rstv6789"));
            assertEquals(200, claimed.getInt("retCode"));
            assertEquals("owner", claimed.getJsonObject("body").getString("role"));
        }
    }

    @Test
    void searchFindsOnlyDiscoverableOrRelatedEntitiesAndStatusOnlyWhatMayBeSeen() {
        String tag = "Zeta" + System.nanoTime();
        String shown = Fixtures.newUser();
        String hidden = Fixtures.newUser();
        try (Party searcher = Party.user(Fixtures.newUser())) {
            rest.call("PATCH", "users/" + shown, Json.createObjectBuilder().add("nickname", tag + " shown").add("searchable", true).build(),
                    rest.login("user", shown, "password", Fixtures.PASSWORD).token());
            rest.call("PATCH", "users/" + hidden, Json.createObjectBuilder().add("nickname", tag + " hidden").build(),
                    rest.login("user", hidden, "password", Fixtures.PASSWORD).token());
            JsonObject found = searcher.request("SearchRequest", Json.createObjectBuilder().add("q", tag.toLowerCase()).build());
            assertEquals(200, found.getInt("retCode"));
            assertEquals(1, found.getJsonObject("body").getInt("total"));
            JsonObject item = found.getJsonObject("body").getJsonArray("items").getJsonObject(0);
            assertEquals(shown, item.getString("id"));
            assertFalse(item.getBoolean("related"));
            assertFalse(item.containsKey("presence"));

            assertEquals("body.q", searcher.request("SearchRequest", JsonObject.EMPTY_JSON_OBJECT).getJsonObject("details").getString("field"));
            assertEquals(400, searcher.request("SearchRequest", Json.createObjectBuilder().add("q", tag).add("size", 101).build()).getInt("retCode"));
            RestReply viaRest = rest.call("GET", "search?q=" + tag + "&size=5", null, searcher.session.token());
            assertEquals(1, viaRest.body().getInt("total"));
            assertEquals(5, viaRest.body().getInt("size"));

            RestReply status = rest.call("GET", "status?ids=" + shown + ",nobody" + System.nanoTime(), null, searcher.session.token());
            assertEquals(403, status.body().getJsonArray("results").getJsonObject(0).getInt("retCode"));
            assertEquals(403, status.body().getJsonArray("results").getJsonObject(1).getInt("retCode"));
            assertFalse(status.body().getJsonArray("results").getJsonObject(0).containsKey("presence"));
        }
    }

    @Test
    void aFriendsStatusIsVisible() {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = Party.user(Fixtures.newUser())) {
            String requestId = alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-user", bob.address(), null))
                    .getJsonObject("body").getString("requestId");
            bob.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build());
            JsonObject status = alice.request("StatusQueryRequest", Json.createObjectBuilder()
                    .add("ids", Json.createArrayBuilder().add(bob.id.toUpperCase())).build());
            JsonObject result = status.getJsonObject("body").getJsonArray("results").getJsonObject(0);
            assertEquals(200, result.getInt("retCode"));
            assertEquals("online", result.getString("presence"));
            assertEquals(1, result.getInt("connCount"));
            JsonObject search = alice.request("SearchRequest", Json.createObjectBuilder().add("id", bob.id).build());
            JsonObject item = search.getJsonObject("body").getJsonArray("items").getJsonObject(0);
            assertTrue(item.getBoolean("related"));
            assertEquals("online", item.getString("presence"));
        }
    }
}
