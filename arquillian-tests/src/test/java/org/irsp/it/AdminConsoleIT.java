package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.irsp.client.RestReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin console's protection and API (§17) over real HTTP: login, lookup, kick, disable/enable, audit. */
@ExtendWith(IrspServer.class)
class AdminConsoleIT {

    static final String PASSWORD = "console-Pa55";

    /** A browser-like client: cookies kept, redirects not followed. */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(IrspServer.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient http, String path, String form) throws Exception {
        return post(http, path, form, null);
    }

    static HttpResponse<String> post(HttpClient http, String path, String form, String csrf) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(IrspServer.uri() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (csrf != null) {
            r.header("X-IRSP-CSRF", csrf);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed-in console session: its cookies and the CSRF token its page would read from the overview. */
    record Console(HttpClient http, String csrf) {
        HttpResponse<String> get(String path) throws Exception {
            return AdminConsoleIT.get(http, path);
        }

        HttpResponse<String> post(String path) throws Exception {
            return AdminConsoleIT.post(http, path, "", csrf);
        }

        /** A state-changing call with a JSON body, as the console page makes it. */
        HttpResponse<String> post(String path, JsonObject body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(IrspServer.uri() + path)).header("Content-Type", "application/json")
                    .header("X-IRSP-CSRF", csrf).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** An action with a reason, as confirmed in the console's dialog. */
        HttpResponse<String> act(String path, String reason) throws Exception {
            return post(path, Json.createObjectBuilder().add("reason", reason).build());
        }
    }

    static Console loggedIn() throws Exception {
        HttpClient http = browser();
        HttpResponse<String> login = post(http, "/irsp/admin-login", "username=admin&password=" + PASSWORD);
        assertEquals("/irsp/admin/", login.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse(""));
        return new Console(http, json(get(http, "/irsp/admin/api/overview")).getString("csrfToken"));
    }

    /** Whether the audit log has an {@code action} record whose detail contains {@code detail}. */
    static boolean auditContains(String action, String detail) throws Exception {
        JsonObject audit = json(loggedIn().get("/irsp/admin/api/audit?action=" + action));
        return audit.getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("detail", "").contains(detail));
    }

    static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** The sign-in page is styled (its style sheet is open to all) and both pages fit a phone's width. */
    @Test
    void theSignInPageIsStyledAndBothPagesFitAPhone() throws Exception {
        HttpClient anonymous = browser();
        HttpResponse<String> css = get(anonymous, "/irsp/admin/console.css");
        assertEquals(200, css.statusCode(), "the style sheet without a login");
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains("@media (max-width"), "a layout for narrow screens");
        assertTrue(get(anonymous, "/irsp/admin-login.html").body().contains("<meta name=\"viewport\""));
        assertTrue(loggedIn().get("/irsp/admin/").body().contains("<meta name=\"viewport\""));
        assertEquals(302, get(anonymous, "/irsp/admin/console.js").statusCode(), "the rest of /admin still needs the login");
    }

    @Test
    void withoutALoginThePagesSendToTheFormAndTheApiAnswers401() throws Exception {
        HttpClient anonymous = browser();
        assertEquals(401, get(anonymous, "/irsp/admin/api/overview").statusCode());
        HttpResponse<String> page = get(anonymous, "/irsp/admin/");
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/irsp/admin-login.html"));
        HttpResponse<String> wrong = post(anonymous, "/irsp/admin-login", "username=admin&password=guess");
        assertTrue(wrong.headers().firstValue("Location").orElse("").contains("admin-login.html?failed"));
        assertEquals(401, get(anonymous, "/irsp/admin/api/overview").statusCode(), "still not logged in");
        String token = Fixtures.rest().login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD).token();
        assertEquals(401, anonymous.send(HttpRequest.newBuilder(URI.create(IrspServer.uri() + "/irsp/admin/api/overview"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "a protocol token is no admin login");
    }

    @Test
    void anAdministratorSeesHealthFindsADeviceKicksItAndReadsTheAudit() throws Exception {
        Console admin = loggedIn();
        JsonObject overview = json(admin.get("/irsp/admin/api/overview"));
        assertEquals("UP", overview.getString("database"));
        assertEquals("UP", overview.getString("broker"));
        assertEquals("local", overview.getString("node"), "a single node's name");
        assertTrue(overview.getString("version").startsWith("0."), overview.toString());
        assertTrue(overview.getJsonNumber("uptimeSeconds").longValue() > 0, overview.toString());
        String deviceId = Fixtures.newDevice();
        try (Party device = Party.device(deviceId)) {
            String q = URLEncoder.encode(deviceId.substring(0, 30), StandardCharsets.UTF_8);
            assertTrue(admin.get("/irsp/admin/api/accounts?type=device&q=" + q).body().contains(deviceId));
            String path = "/irsp/admin/api/accounts/device/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8);
            JsonObject before = json(admin.get(path));
            assertEquals("online", before.getString("presence"));
            assertEquals(device.session.connId(), before.getJsonArray("connections").getString(0));
            assertEquals(403, post(admin.http(), path + "/kick", "").statusCode(), "no CSRF token, no kick");
            assertEquals(403, post(admin.http(), path + "/kick", "", "forged").statusCode());
            HttpResponse<String> noReason = admin.post(path + "/kick");
            assertEquals(400, noReason.statusCode(), "a kick needs a reason");
            assertEquals("reason", json(noReason).getJsonObject("details").getString("field"));
            assertEquals("online", json(admin.get(path)).getString("presence"), "the refused kicks changed nothing");
            JsonObject after = json(admin.act(path + "/kick", "suspected stolen device"));
            assertEquals(4003, device.ws.closeCode(Duration.ofSeconds(10)));
            assertEquals("enabled", after.getString("status"));
        }
        JsonObject audit = json(admin.get("/irsp/admin/api/audit?action=admin.kick"));
        assertTrue(audit.getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("actor").equals("admin:admin") && r.getString("detail", "").contains(deviceId.substring(deviceId.lastIndexOf(':') + 1))
                        && r.getString("detail").endsWith("reason: suspected stolen device")));
    }

    /** The console counts a device's stored items without reading them: the device's next bind still gets every one. */
    @Test
    void theConsoleCountsStoredItemsAndTheDevicesBindStillReceivesThem() throws Exception {
        Console admin = loggedIn();
        String deviceId = RelationshipIT.deviceWithCode("HKMQ2345");
        String path = "/irsp/admin/api/accounts/device/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8);
        try (Party alice = Party.user(Fixtures.newUser())) {
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device",
                    Json.createObjectBuilder().add("type", "device").add("id", deviceId).build(), "HKMQ2345"));
            for (String text : List.of("one", "two")) {
                assertEquals(202, Fixtures.sendOffline(alice.ws, Fixtures.address("device", deviceId), text).getInt("retCode"));
            }
        }
        assertEquals(3, json(admin.get(path)).getInt("offlineItems"), "the claim's notification and two messages");
        assertEquals(3, json(admin.get(path)).getInt("offlineItems"), "looking took nothing");
        try (Party device = Party.device(deviceId)) {
            assertEquals(3, device.bindReply.getJsonObject("body").getInt("offlineItems"));
            device.next("RelationshipEstablishedNotify");
            for (String text : List.of("one", "two")) {
                assertEquals(text, device.next("OfflineMessageDelivery").getJsonObject("body").getJsonObject("message")
                        .getJsonObject("body").getString("text"));
            }
        }
    }

    @Test
    void aDisabledUserCannotLogInUntilEnabledAgain() throws Exception {
        Console admin = loggedIn();
        String user = Fixtures.newUser();
        String path = "/irsp/admin/api/accounts/user/" + user;
        assertEquals(400, admin.post(path + "/disable").statusCode(), "a disable needs a reason");
        assertEquals("enabled", json(admin.get(path)).getString("status"), "the refused disable changed nothing");
        assertEquals("disabled", json(admin.act(path + "/disable", "abuse report 1234")).getString("status"));
        RestReply refused = Fixtures.rest().post("sessions", Json.createObjectBuilder().add("type", "user").add("id", user)
                .add("password", Fixtures.PASSWORD).build());
        assertEquals(403, refused.retCode());
        assertEquals("enabled", json(admin.post(path + "/enable")).getString("status"));
        assertEquals(200, Fixtures.rest().post("sessions", Json.createObjectBuilder().add("type", "user").add("id", user)
                .add("password", Fixtures.PASSWORD).build()).retCode());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Console admin = loggedIn();
        assertEquals(200, admin.post("/irsp/admin/api/logout").statusCode());
        assertEquals(401, admin.get("/irsp/admin/api/overview").statusCode());
        assertTrue(auditContains("admin.logout", ""));
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteStrictAndSecureUnderTls() throws Exception {
        HttpClient tls = HttpClient.newBuilder().sslContext(TestKeystore.clientContext(Path.of(System.getProperty("irsp.it.dir", "target/it")))).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = tls.send(HttpRequest.newBuilder(URI.create(IrspServer.httpsUri() + "/irsp/admin-login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
    }

    /** Runs last in this class's server: the lock is short in tests (irsp.admin.lockSeconds=4) and waited out. */
    @Test
    void repeatedWrongPasswordsLockTheNameEvenForTheRightOneAndAreAudited() throws Exception {
        HttpClient attacker = browser();
        for (int i = 0; i < 5; i++) {
            post(attacker, "/irsp/admin-login", "username=admin&password=guess" + i);
        }
        HttpResponse<String> right = post(attacker, "/irsp/admin-login", "username=admin&password=" + PASSWORD);
        assertTrue(right.headers().firstValue("Location").orElse("").contains("locked"), "locked even with the right password");
        assertEquals(401, get(attacker, "/irsp/admin/api/overview").statusCode());
        assertTrue(auditContainsWhenUnlocked("admin.lockout"));
    }

    private static boolean auditContainsWhenUnlocked(String action) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> login = post(browser(), "/irsp/admin-login", "username=admin&password=" + PASSWORD);
            if (!login.headers().firstValue("Location").orElse("").contains("locked")) {
                return auditContains(action, "");
            }
        }
        return false;
    }
}
