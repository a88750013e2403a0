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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        return http.send(HttpRequest.newBuilder(URI.create(IrspServer.uri() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpClient loggedIn() throws Exception {
        HttpClient http = browser();
        HttpResponse<String> login = post(http, "/irsp/admin-login", "username=admin&password=" + PASSWORD);
        assertEquals("/irsp/admin/", login.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse(""));
        return http;
    }

    static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
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
        HttpClient admin = loggedIn();
        JsonObject overview = json(get(admin, "/irsp/admin/api/overview"));
        assertEquals("UP", overview.getString("database"));
        assertEquals("UP", overview.getString("broker"));
        String deviceId = Fixtures.newDevice();
        try (Party device = Party.device(deviceId)) {
            String q = URLEncoder.encode(deviceId.substring(0, 30), StandardCharsets.UTF_8);
            assertTrue(get(admin, "/irsp/admin/api/accounts?type=device&q=" + q).body().contains(deviceId));
            String path = "/irsp/admin/api/accounts/device/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8);
            JsonObject before = json(get(admin, path));
            assertEquals("online", before.getString("presence"));
            assertEquals(device.session.connId(), before.getJsonArray("connections").getString(0));
            JsonObject after = json(post(admin, path + "/kick", ""));
            assertEquals(4003, device.ws.closeCode(Duration.ofSeconds(10)));
            assertEquals("enabled", after.getString("status"));
        }
        JsonObject audit = json(get(admin, "/irsp/admin/api/audit?action=admin.kick"));
        assertTrue(audit.getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("actor").equals("admin:admin") && r.getString("detail", "").contains(deviceId.substring(deviceId.lastIndexOf(':') + 1))));
    }

    @Test
    void aDisabledUserCannotLogInUntilEnabledAgain() throws Exception {
        HttpClient admin = loggedIn();
        String user = Fixtures.newUser();
        String path = "/irsp/admin/api/accounts/user/" + user;
        assertEquals("disabled", json(post(admin, path + "/disable", "")).getString("status"));
        RestReply refused = Fixtures.rest().post("sessions", Json.createObjectBuilder().add("type", "user").add("id", user)
                .add("password", Fixtures.PASSWORD).build());
        assertEquals(403, refused.retCode());
        assertEquals("enabled", json(post(admin, path + "/enable", "")).getString("status"));
        assertEquals(200, Fixtures.rest().post("sessions", Json.createObjectBuilder().add("type", "user").add("id", user)
                .add("password", Fixtures.PASSWORD).build()).retCode());
    }
}
