package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PROTOCOL §17 operations endpoints: health that checks database and broker, IRSP's metrics, OpenAPI. */
@ExtendWith(IrspServer.class)
class OperationsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(IrspServer.uri() + path)).timeout(Duration.ofSeconds(30));
        if (accept != null) {
            r.header("Accept", accept);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessChecksTheDatabaseAndTheBroker() throws Exception {
        HttpResponse<String> ready = get("/health/ready", null);
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject health = Json.createReader(new StringReader(ready.body())).readObject();
        assertEquals("UP", health.getString("status"));
        var checks = health.getJsonArray("checks").getValuesAs(JsonObject.class);
        assertTrue(checks.stream().anyMatch(c -> c.getString("name").equals("database") && c.getString("status").equals("UP")), ready.body());
        assertTrue(checks.stream().anyMatch(c -> c.getString("name").equals("broker") && c.getString("status").equals("UP")), ready.body());
        assertTrue(checks.stream().anyMatch(c -> c.getString("name").equals("application") && c.getString("status").equals("UP")), ready.body());
        assertTrue(checks.stream().anyMatch(c -> c.getString("name").equals("grid") && c.getString("status").equals("UP")
                && c.getJsonObject("data").getString("mode").equals("single node")), ready.body());
        assertEquals(200, get("/health/live", null).statusCode());
        HttpResponse<String> started = get("/health/started", null);
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(started.body().contains("\"deployment\""), started.body());
    }

    /**
     * Payara counts the resource adapter as a deployed application and, with no checks registered yet, would
     * answer UP while IRSP is still deploying; irsp-readiness.war's check keeps the answer DOWN until then.
     */
    @Test
    void readinessIsNeverUpWhileTheServerIsStarting() {
        var seen = IrspServer.readinessDuringStart();
        assertTrue(seen.stream().anyMatch(a -> !a.startsWith("200 ")), "the start was watched while not ready: " + seen);
        for (String up : seen.stream().filter(a -> a.startsWith("200 ")).toList()) {
            assertTrue(up.contains("\"application\"") && up.contains("\"database\"") && up.contains("\"broker\""),
                    "UP only with IRSP's checks, got " + up + " after " + seen.stream().map(a -> a.substring(0, 3)).toList());
        }
    }

    @Test
    void metricsCountLoginsAndConnectionsInPrometheusText() throws Exception {
        String user = Fixtures.newUser();
        try (Party p = Party.user(user)) {
            Fixtures.rest().login("user", user, "password", "wrong-password");
        } catch (IllegalStateException expectedFailedLogin) {
            // counted as a failure
        }
        String metrics = get("/metrics", "text/plain").body();
        assertTrue(metrics.contains("irsp_logins_total{") && metrics.contains("outcome=\"success\""), "logins counted");
        assertTrue(metrics.contains("outcome=\"failure\""), "failures counted");
        assertTrue(metrics.contains("irsp_connections_bound"), "bound connections gauge");
        assertTrue(metrics.contains("gc_time"), "GC time from the base metrics");
        assertTrue(metrics.contains("irsp_messages_routed_total") || metrics.contains("irsp_logins_total"), "IRSP's own counters");
    }

    @Test
    void theOfflineGaugeCountsAStoredItem() throws Exception {
        Assumptions.assumeFalse(TestBroker.EXTERNAL, "an external broker reports its own queue depths");
        String code = "MNPQ2345";
        String sleeping = RelationshipIT.deviceWithCode(code);
        try (Party alice = Party.user(Fixtures.newUser())) {
            JsonObject device = Json.createObjectBuilder().add("type", "device").add("id", sleeping).build();
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", device, code));
            JsonObject stored = alice.ws.call(Json.createObjectBuilder().add("type", "DataMessage")
                    .add("msgId", UUID.randomUUID().toString()).add("targets", Json.createArrayBuilder().add(device))
                    .add("delivery", "offline").add("body", Json.createObjectBuilder().add("op", "read")))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(202, stored.getInt("retCode"), stored.toString());
        }
        long items = gauge(get("/metrics", "text/plain").body(), "irsp_offline_items");
        assertTrue(items >= 1, "the item stored for the sleeping device is counted, got " + items);
    }

    /** The value of an untagged gauge in Prometheus text; fails when it is missing. */
    static long gauge(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in /metrics"));
    }

    @Test
    void openApiDescribesTheRestBinding() throws Exception {
        HttpResponse<String> openapi = get("/openapi", null);
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/users:"), "the registration endpoint is described");
        assertTrue(openapi.body().contains("/api/v1/sessions:"), "the login endpoint is described");
        assertTrue(openapi.body().contains("(details.pattern)"), "with the RetCodes it answers (421 names the pattern)");
        assertTrue(!openapi.body().contains("/admin/api/"), "the console's own API is not part of the published binding");
        assertTrue(openapi.body().contains("/api/v1/relationship-requests/{requestId}:"), "every endpoint of 5.4");
    }
}
