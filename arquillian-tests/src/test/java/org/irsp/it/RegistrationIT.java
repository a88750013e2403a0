package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import org.irsp.client.IrspRest;
import org.irsp.client.RestReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §7 registration (Table 1), records, credential change and deletion, plus the §5.1 REST rules. */
@ExtendWith(IrspServer.class)
class RegistrationIT {

    private final IrspRest rest = Fixtures.rest();

    @Test
    void userIdIsStoredLowerCaseAndTheReplyCarriesDomainAndEndpoints() {
        String id = "Mixed" + System.nanoTime();
        RestReply r = rest.post("users", Json.createObjectBuilder().add("userId", id).add("password", Fixtures.PASSWORD).build());
        assertEquals(200, r.status());
        assertEquals(id.toLowerCase(), r.body().getString("userId"));
        assertEquals("irsp.test", r.body().getString("domain"));
        assertTrue(r.body().getJsonObject("endpoints").getString("ws").endsWith("/irsp/ws"));
        assertTrue(r.body().getString("serverTime").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    @Test
    void tableOneRefusalsCarryTheirRetCodeAndDetails() {
        String taken = Fixtures.newUser();
        RestReply conflict = rest.post("users", user(taken.toUpperCase(), Fixtures.PASSWORD));
        assertEquals(409, conflict.retCode());
        assertEquals(3, conflict.body().getJsonObject("details").getJsonArray("suggestions").size());

        RestReply syntax = rest.post("users", user("a b", Fixtures.PASSWORD));
        assertEquals(421, syntax.retCode());
        assertEquals(422, syntax.status());
        assertNotNull(syntax.detail("pattern"));

        RestReply weak = rest.post("users", user("weakling" + System.nanoTime(), "alllowercase"));
        assertEquals(422, weak.retCode());
        assertNotNull(weak.detail("policy"));

        RestReply missing = rest.post("users", Json.createObjectBuilder().add("userId", "nopass" + System.nanoTime()).build());
        assertEquals(400, missing.retCode());
        assertEquals("password", missing.detail("field"));

        RestReply wrongType = rest.post("users", Json.createObjectBuilder().add("userId", "typed" + System.nanoTime())
                .add("password", Fixtures.PASSWORD).add("searchable", "yes").build());
        assertEquals("searchable", wrongType.detail("field"));
    }

    @Test
    void checksRunInTableOneOrder() {
        // a bad ID (421) wins over a weak password (422) and a missing nickname constraint is 400 first
        assertEquals(421, rest.post("users", user("x", "weak")).retCode());
        RestReply badNickname = rest.post("users", Json.createObjectBuilder().add("userId", "x").add("password", "weak")
                .add("nickname", "").build());
        assertEquals(400, badNickname.retCode());
        assertEquals("nickname", badNickname.detail("field"));
    }

    @Test
    void deviceGetsAGeneratedCodeOnlyWhenItSentNone() {
        String id = Fixtures.newDeviceId();
        RestReply generated = rest.post("devices", Fixtures.device(id.toUpperCase().replace("URN:IGRS:DEVICE:DEVICEID:", "urn:igrs:device:deviceid:")));
        assertEquals(200, generated.retCode());
        assertEquals(id.toLowerCase().replace("urn:igrs:device:deviceid:", "urn:IGRS:Device:DeviceId:"), generated.body().getString("deviceId"));
        assertTrue(generated.body().getString("verificationCode").matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{12}"));

        JsonObject withCode = Json.createObjectBuilder(Fixtures.device(Fixtures.newDeviceId())).add("verificationCode", "7kq4-mz2t-xh9p").build();
        RestReply own = rest.post("devices", withCode);
        assertEquals(200, own.retCode());
        assertFalse(own.body().containsKey("verificationCode"));

        assertEquals(409, rest.post("devices", Fixtures.device(id)).retCode());
        RestReply badCode = rest.post("devices", Json.createObjectBuilder(Fixtures.device(Fixtures.newDeviceId()))
                .add("verificationCode", "0000-1111").build());
        assertEquals(424, badCode.retCode());
        assertNotNull(badCode.detail("format"));
        RestReply shortSecret = rest.post("devices", Json.createObjectBuilder(Fixtures.device(Fixtures.newDeviceId()))
                .add("secret", "short").build());
        assertEquals(422, shortSecret.retCode());
    }

    @Test
    void recordsNeedATokenAndBelongToTheirEntity() {
        String alice = Fixtures.newUser();
        String bob = Fixtures.newUser();
        var session = rest.login("user", alice, "password", Fixtures.PASSWORD);
        RestReply noToken = rest.call("GET", "users/" + alice, null, null);
        assertEquals(401, noToken.status());
        assertEquals("Bearer", noToken.headers().firstValue("WWW-Authenticate").orElse(""));

        RestReply own = rest.call("GET", "users/" + alice, null, session.token());
        assertEquals(200, own.retCode());
        assertEquals("enabled", own.body().getString("status"));
        assertFalse(own.body().toString().contains(Fixtures.PASSWORD));
        assertEquals(403, rest.call("GET", "users/" + bob, null, session.token()).retCode());
        assertEquals(404, rest.call("GET", "users/nobody" + System.nanoTime(), null, session.token()).retCode());

        RestReply patched = rest.call("PATCH", "users/" + alice, Json.createObjectBuilder().add("nickname", "Al").build(), session.token());
        assertEquals("Al", patched.body().getString("nickname"));
        RestReply forbiddenField = rest.call("PATCH", "users/" + alice, Json.createObjectBuilder().add("userId", "x").build(), session.token());
        assertEquals(400, forbiddenField.retCode());
        assertEquals("userId", forbiddenField.detail("field"));
    }

    @Test
    void passwordChangeNeedsTheOldOneAndKeepsOtherSessions() {
        String alice = Fixtures.newUser();
        var session = rest.login("user", alice, "password", Fixtures.PASSWORD);
        RestReply wrongOld = rest.call("PUT", "users/" + alice + "/password", Json.createObjectBuilder()
                .add("oldPassword", "Wrong-0ld").add("newPassword", "N3w-passw0rd").build(), session.token());
        assertEquals(403, wrongOld.retCode());
        assertEquals("oldPassword", wrongOld.detail("field"));
        RestReply changed = rest.call("PUT", "users/" + alice + "/password", Json.createObjectBuilder()
                .add("oldPassword", Fixtures.PASSWORD).add("newPassword", "N3w-passw0rd").build(), session.token());
        assertEquals(200, changed.retCode());
        assertEquals(200, rest.call("GET", "users/" + alice, null, session.token()).retCode());
        assertEquals(43, rest.login("user", alice, "password", "N3w-passw0rd").token().length());
    }

    @Test
    void aDeviceChangesItsSecretAndOnlyItself() {
        String device = Fixtures.newDevice();
        String path = "devices/" + IrspRest.encode(device) + "/secret";
        var session = rest.login("device", device, "secret", Fixtures.SECRET);
        var stranger = rest.login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD);
        JsonObject change = Json.createObjectBuilder().add("oldSecret", Fixtures.SECRET).add("newSecret", "another-long-secret-42").build();
        assertEquals(403, rest.call("PUT", path, change, stranger.token()).retCode());
        RestReply wrongOld = rest.call("PUT", path, Json.createObjectBuilder().add("oldSecret", "not-the-old-secret!")
                .add("newSecret", "another-long-secret-42").build(), session.token());
        assertEquals("oldSecret", wrongOld.detail("field"));
        assertEquals(422, rest.call("PUT", path, Json.createObjectBuilder().add("oldSecret", Fixtures.SECRET)
                .add("newSecret", "short").build(), session.token()).retCode());
        assertEquals(200, rest.call("PUT", path, change, session.token()).retCode());
        assertEquals(200, rest.post("sessions", Json.createObjectBuilder().add("type", "device").add("id", device)
                .add("secret", "another-long-secret-42").build()).retCode());
    }

    @Test
    void deletedUserLosesSessionsAndItsIdIsFreeAgain() {
        String alice = Fixtures.newUser();
        var session = rest.login("user", alice, "password", Fixtures.PASSWORD);
        assertEquals(200, rest.call("DELETE", "users/" + alice, null, session.token()).retCode());
        assertEquals(401, rest.call("GET", "users/" + alice, null, session.token()).status());
        assertEquals(200, rest.post("users", user(alice, Fixtures.PASSWORD)).retCode());
    }

    @Test
    void restBindingRules() {
        RestReply unknownPath = rest.call("GET", "no/such/path", null, null);
        assertEquals(404, unknownPath.status());
        assertEquals(404, unknownPath.retCode());
        assertTrue(unknownPath.body().containsKey("details"));
        assertEquals(405, rest.call("PUT", "users", Json.createObjectBuilder().build(), null).retCode());

        RestReply version = rest.send("POST", "users", user("v2user" + System.nanoTime(), Fixtures.PASSWORD).toString(),
                null, Map.of("IGRS-RA-Version", "2.0"));
        assertEquals(505, version.retCode());
        assertEquals("[1.0]", version.body().getJsonObject("details").getJsonArray("supported").toString().replace("\"", ""));

        RestReply tooLarge = rest.send("POST", "users", "{\"userId\":\"" + "x".repeat(70_000) + "\"}", null, Map.of());
        assertEquals(413, tooLarge.retCode());
        RestReply notJson = rest.send("POST", "users", "[1,2]", null, Map.of());
        assertEquals(400, notJson.retCode());
        assertEquals("$", notJson.detail("field"));
    }

    private static JsonObject user(String id, String password) {
        return Json.createObjectBuilder().add("userId", id).add("password", password).build();
    }
}
