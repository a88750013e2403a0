package org.irsp.it;

import static org.irsp.it.AdminConsoleIT.json;
import static org.irsp.it.AdminConsoleIT.loggedIn;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.irsp.it.AdminConsoleIT.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's live sessions (one kicked with a reason) and its dashboard series, over real HTTP. */
@ExtendWith(IrspServer.class)
class ConsoleSessionsIT {

    static final String API = "/irsp/admin/api/sessions";

    /** The row of {@code connId} in the first pages of live sessions (newest first), if listed. */
    static Optional<JsonObject> row(Console admin, String connId) throws Exception {
        for (int page = 0; page < 20; page++) {
            JsonObject list = json(admin.get(API + "?size=200&page=" + page));
            Optional<JsonObject> found = list.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                    .filter(s -> s.getString("connId").equals(connId)).findFirst();
            if (found.isPresent() || !list.getBoolean("more")) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Test
    void anAdministratorSeesEachSessionWithItsAddressAndKicksOneWithAReason() throws Exception {
        Console admin = loggedIn();
        String user = Fixtures.newUser();
        try (Party phone = Party.user(user); Party laptop = Party.user(user)) {
            JsonObject listed = row(admin, phone.session.connId()).orElseThrow();
            assertEquals(user, listed.getJsonObject("entity").getString("id"));
            assertTrue(listed.getString("clientAddress").startsWith("127.0.0.1:"), listed.toString());
            assertEquals("local", listed.getString("node"));
            assertTrue(listed.containsKey("boundAt") && listed.containsKey("since"), listed.toString());
            assertTrue(listed.getInt("lastFrameSecondsAgo") >= 0, "bound on this node: the time since its last frame");
            assertTrue(row(admin, laptop.session.connId()).isPresent());

            HttpResponse<String> noReason = admin.post(API + "/" + phone.session.connId() + "/kick");
            assertEquals(400, noReason.statusCode());
            assertEquals("reason", json(noReason).getJsonObject("details").getString("field"));
            assertTrue(row(admin, phone.session.connId()).isPresent(), "the refused kick changed nothing");

            assertEquals(200, admin.act(API + "/" + phone.session.connId() + "/kick", "lost phone").statusCode());
            assertEquals(4003, phone.ws.closeCode(Duration.ofSeconds(10)), "that session's connection closed as kicked");
            assertFalse(row(admin, phone.session.connId()).isPresent(), "no longer listed");
            assertEquals(401, Fixtures.rest().call("GET", "users/" + user, null, phone.session.token()).retCode(), "its token ended");
            assertEquals(200, Fixtures.rest().call("GET", "users/" + user, null, laptop.session.token()).retCode(),
                    "the other session goes on");
            assertEquals(404, admin.act(API + "/" + phone.session.connId() + "/kick", "again").statusCode(), "an ended session");
        }
        assertTrue(AdminConsoleIT.auditContains("admin.kickSession", "reason: lost phone"));
    }

    @Test
    void theDashboardSamplesTheNodesTrafficOverTime() throws Exception {
        Console admin = loggedIn();
        String user = Fixtures.newUser();
        try (Party alice = Party.user(user); Party bob = Party.user(Fixtures.newUser())) {
            assertEquals(1, json(admin.get("/irsp/admin/api/dashboard")).getInt("sampleSeconds"), "the test server samples every second");
            // samples that show the logins, the two bound connections and their frames
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                var samples = json(admin.get("/irsp/admin/api/dashboard")).getJsonArray("samples").getValuesAs(JsonObject.class);
                return samples.stream().anyMatch(s -> s.getJsonNumber("logins").doubleValue() > 0)
                        && samples.stream().anyMatch(s -> s.getInt("connectionsBound") >= 2)
                        && samples.stream().anyMatch(s -> s.getJsonNumber("framesIn").doubleValue() > 0);
            });
            if (!TestBroker.EXTERNAL) {
                JsonObject last = json(admin.get("/irsp/admin/api/dashboard")).getJsonArray("samples").getValuesAs(JsonObject.class)
                        .stream().reduce((a, b) -> b).orElseThrow();
                assertTrue(last.getInt("offlineItems") >= 0 && last.getInt("deadItems") >= 0, "the embedded broker's queue depths: " + last);
            }
        }
    }
}
