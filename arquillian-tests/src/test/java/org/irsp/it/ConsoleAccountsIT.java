package org.irsp.it;

import static org.irsp.it.AdminConsoleIT.json;
import static org.irsp.it.AdminConsoleIT.loggedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.irsp.it.AdminConsoleIT.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's accounts over real HTTP: search and paging, the full record, create, unlock, new secret and code. */
@ExtendWith(IrspServer.class)
class ConsoleAccountsIT {

    static final String API = "/irsp/admin/api/accounts";

    static String path(String type, String id) {
        return API + "/" + type + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    static JsonObject newDevice(Console admin, String name) throws Exception {
        HttpResponse<String> made = admin.post(API, Json.createObjectBuilder().add("type", "device")
                .add("deviceId", Fixtures.newDeviceId()).add("deviceType", "urn:IGRS:DeviceType:Lamp:1").add("manufacturer", "Acme")
                .add("model", "L-1").add("name", name).add("reason", "stock for shop 7").build());
        assertEquals(200, made.statusCode(), made.body());
        return json(made);
    }

    static int login(String type, String id, String credentialName, String credential) {
        return Fixtures.rest().post("sessions", Json.createObjectBuilder().add("type", type).add("id", id)
                .add(credentialName, credential).build()).retCode();
    }

    @Test
    void searchFindsByNameTypeAndOwnerAPageAtATimeAndSaysWhenNothingMatches() throws Exception {
        Console admin = loggedIn();
        String token = "porch" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            newDevice(admin, token + " lamp " + i);
        }
        String user = Fixtures.newUser();
        assertEquals(200, Fixtures.rest().call("PATCH", "users/" + user, Json.createObjectBuilder().add("nickname", token + " owner").build(),
                Fixtures.rest().login("user", user, "password", Fixtures.PASSWORD).token()).retCode());

        JsonObject all = json(admin.get(API + "?q=" + token.toUpperCase()));
        assertEquals(4, all.getInt("total"), "by name, case-insensitive: three devices and the user");
        JsonObject first = json(admin.get(API + "?type=device&q=" + token + "&size=2"));
        assertEquals(3, first.getInt("total"));
        assertEquals(2, first.getJsonArray("accounts").size());
        assertTrue(first.getBoolean("more"));
        JsonObject second = json(admin.get(API + "?type=device&q=" + token + "&size=2&page=1"));
        assertEquals(1, second.getJsonArray("accounts").size());
        assertFalse(second.getBoolean("more"));
        List<String> names = List.of(first, second).stream().flatMap(p -> p.getJsonArray("accounts").getValuesAs(JsonObject.class).stream())
                .map(a -> a.getString("name")).sorted().toList();
        assertEquals(List.of(token + " lamp 1", token + " lamp 2", token + " lamp 3"), names, "each once over both pages");
        assertEquals(3, json(admin.get(API + "?q=" + token + "&deviceType=lamp")).getInt("total"), "by device type");

        String deviceId = RelationshipIT.deviceWithCode("HKMQ2345");
        try (Party owner = Party.user(user)) {
            assertEquals(200, owner.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device",
                    Fixtures.address("device", deviceId), "HKMQ2345")).getInt("retCode"));
        }
        JsonObject owned = json(admin.get(API + "?owner=" + user));
        assertEquals(1, owned.getInt("total"));
        assertEquals(deviceId, owned.getJsonArray("accounts").getJsonObject(0).getString("id"));

        JsonObject none = json(admin.get(API + "?q=nothing-" + UUID.randomUUID()));
        assertEquals(0, none.getInt("total"));
        assertTrue(none.getJsonArray("accounts").isEmpty());
        HttpResponse<String> badType = admin.get(API + "?type=robot");
        assertEquals(400, badType.statusCode());
        assertEquals("type", json(badType).getJsonObject("details").getString("field"));
    }

    @Test
    void anAccountShowsItsCreationPendingRequestsBothWaysAndRightsByName() throws Exception {
        Console admin = loggedIn();
        String alice = Fixtures.newUser();
        String bob = Fixtures.newUser();
        String deviceId = RelationshipIT.deviceWithCode("HKMQ2345");
        try (Party a = Party.user(alice)) {
            assertEquals(200, a.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device",
                    Fixtures.address("device", deviceId), "HKMQ2345")).getInt("retCode"));
            assertEquals(202, a.request("RelationshipEstablishRequest", RelationshipIT.establish("user-user",
                    Fixtures.address("user", bob), null)).getInt("retCode"));
        }
        JsonObject aliceRecord = json(admin.get(path("user", alice)));
        assertTrue(aliceRecord.getString("createdAt").endsWith("Z"), aliceRecord.toString());
        JsonObject outgoing = aliceRecord.getJsonObject("pendingRequests").getJsonArray("outgoing").getJsonObject(0);
        assertEquals(bob, outgoing.getJsonObject("target").getString("id"));
        assertTrue(aliceRecord.getJsonObject("pendingRequests").getJsonArray("incoming").isEmpty());
        JsonObject incoming = json(admin.get(path("user", bob))).getJsonObject("pendingRequests").getJsonArray("incoming").getJsonObject(0);
        assertEquals(outgoing.getString("requestId"), incoming.getString("requestId"), "the same request, seen from its target");

        JsonObject ownership = json(admin.get(path("device", deviceId))).getJsonArray("relationships").getJsonObject(0);
        assertEquals("owner", ownership.getString("role"));
        assertEquals(63, ownership.getInt("rights"));
        assertEquals(List.of("discover", "read", "control", "events", "share", "administer"),
                ownership.getJsonArray("rightsNamed").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
    }

    @Test
    void anAdministratorCreatesAUserAndADeviceThatCanLogIn() throws Exception {
        Console admin = loggedIn();
        String user = "made" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> noId = admin.post(API, Json.createObjectBuilder().add("type", "user").add("password", Fixtures.PASSWORD).build());
        assertEquals(400, noId.statusCode());
        assertEquals("userId", json(noId).getJsonObject("details").getString("field"));
        HttpResponse<String> made = admin.post(API, Json.createObjectBuilder().add("type", "user").add("userId", user)
                .add("password", Fixtures.PASSWORD).add("nickname", "Made In Console").build());
        assertEquals(200, made.statusCode(), made.body());
        assertEquals("Made In Console", json(made).getString("name"));
        assertEquals(200, login("user", user, "password", Fixtures.PASSWORD));
        assertEquals(409, admin.post(API, Json.createObjectBuilder().add("type", "user").add("userId", user)
                .add("password", Fixtures.PASSWORD).build()).statusCode(), "a taken ID");

        JsonObject device = newDevice(admin, "hall lamp");
        assertTrue(device.getString("secret").length() >= 32, "a generated secret, shown once");
        assertEquals(12, device.getString("verificationCode").replace("-", "").length(), device.toString());
        assertEquals(200, login("device", device.getString("id"), "secret", device.getString("secret")));
        assertTrue(AdminConsoleIT.auditContains("admin.create", device.getString("id")));
    }

    @Test
    void unlockLiftsALoginLockAtOnce() throws Exception {
        Console admin = loggedIn();
        String user = Fixtures.newUser();
        for (int i = 0; i < 5; i++) {
            login("user", user, "password", "wrong-Pa55-" + i);
        }
        long lockedAt = System.nanoTime();
        JsonObject locked = json(admin.get(path("user", user)));
        assertTrue(locked.containsKey("lockedSeconds"), "five wrong passwords lock the ID: " + locked);
        JsonObject unlocked = json(admin.act(path("user", user) + "/unlock", "owner called the help desk"));
        assertFalse(unlocked.containsKey("lockedSeconds"), unlocked.toString());
        int answer = login("user", user, "password", Fixtures.PASSWORD);
        // the test server locks for 4 s: the login shows the unlock only while the lock would still hold
        assumeTrue(System.nanoTime() - lockedAt < Duration.ofSeconds(3).toNanos(), "too slow to tell an unlock from the lock's end");
        assertEquals(200, answer, "the right password works at once");
    }

    @Test
    void aDeviceGetsANewSecretAndCodeAndTheOldOnesStopWorking() throws Exception {
        Console admin = loggedIn();
        String deviceId = RelationshipIT.deviceWithCode("HKMQ2345");
        String path = path("device", deviceId);
        try (Party device = Party.device(deviceId)) {
            assertEquals(400, admin.post(path + "/reset-secret").statusCode(), "a reset needs a reason");
            assertEquals(200, login("device", deviceId, "secret", Fixtures.SECRET), "the refused reset changed nothing");
            JsonObject reset = json(admin.act(path + "/reset-secret", "secret leaked in a support ticket"));
            assertEquals(4003, device.ws.closeCode(Duration.ofSeconds(10)), "its sessions end");
            assertEquals(401, login("device", deviceId, "secret", Fixtures.SECRET));
            assertEquals(200, login("device", deviceId, "secret", reset.getString("secret")));
        }
        String code = json(admin.act(path + "/reset-code", "code label reprinted")).getString("verificationCode");
        try (Party alice = Party.user(Fixtures.newUser())) {
            assertEquals(403, alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device",
                    Fixtures.address("device", deviceId), "HKMQ2345")).getInt("retCode"), "the old code");
            assertEquals(200, alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device",
                    Fixtures.address("device", deviceId), code)).getInt("retCode"), "the new code");
        }
        assertTrue(AdminConsoleIT.auditContains("admin.resetCode", "reason: code label reprinted"));
        assertEquals(400, admin.act(path("user", Fixtures.newUser()) + "/reset-secret", "users have passwords").statusCode());
    }
}
