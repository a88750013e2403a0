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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * Prometheus's conventions: snake_case names with their unit, a HELP text each, every counter series there
     * at zero before its first event, the response latency a histogram in seconds; frames, bytes, REST answers and the build counted.
     */
    @Test
    void metricsFollowPrometheusConventionsAndCountFramesBytesRestAndTheBuild() throws Exception {
        String code = "MNPQ2345";
        String deviceId = RelationshipIT.deviceWithCode(code);
        try (Party alice = Party.user(Fixtures.newUser()); Party device = Party.device(deviceId)) {
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", device.address(), code));
            JsonObject request = Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                    .add("targets", Json.createArrayBuilder().add(device.address())).add("needResponse", true)
                    .add("body", Json.createObjectBuilder().add("op", "control")).build();
            alice.ws.sendRaw(request.toString());
            device.ws.sendRaw(MessagingIT.powerOnResponse(device.next("DataMessage")).toString());
            assertEquals(200, alice.next("DataMessageResponse").getInt("retCode"));
        }
        String metrics = get("/metrics", "text/plain").body();
        List<String> irsp = metrics.lines().filter(l -> l.startsWith("irsp_")).toList();
        for (String line : irsp) {
            assertTrue(line.matches("irsp_[a-z0-9_]+(\\{.*\\})? \\S+"), "snake_case: " + line);
        }
        irsp.stream().map(l -> l.split("[{ ]")[0]).distinct().forEach(name -> assertTrue(
                metrics.lines().anyMatch(l -> l.matches("# HELP " + name.replaceAll("_(count|sum|max|mean)$", "") + " \\S.*")
                        || l.matches("# HELP " + name + " \\S.*")), "a HELP text for " + name));
        assertTrue(irsp.stream().anyMatch(l -> l.startsWith("irsp_messages_routed_total{") && l.contains("ret_code=\"486\"")), "486 there before any");
        assertTrue(irsp.stream().anyMatch(l -> l.startsWith("irsp_p2p_paths_total{") && l.contains("path=\"relay\"")), "relay there before any");
        long answered = gauge(metrics, "irsp_response_latency_seconds_count");
        assertTrue(answered >= 1, "the response's latency counted");
        assertEquals(answered, irsp.stream().filter(l -> l.startsWith("irsp_response_latency_seconds_bucket{") && l.contains("le=\"+Inf\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1), "+Inf holds them all");
        double sum = irsp.stream().filter(l -> l.startsWith("irsp_response_latency_seconds_sum"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
        assertTrue(sum > 0 && sum < answered * 30.0, "the latencies' sum in seconds: " + sum + " for " + answered);
        assertTrue(gauge(metrics, "irsp_ws_frames_received_total") > 0 && gauge(metrics, "irsp_ws_frames_sent_total") > 0);
        assertTrue(gauge(metrics, "irsp_ws_received_bytes_total") > gauge(metrics, "irsp_ws_frames_received_total"), "bytes, not frames");
        assertTrue(gauge(metrics, "irsp_ws_sent_bytes_total") > 0);
        assertTrue(irsp.stream().anyMatch(l -> l.startsWith("irsp_rest_requests_total{") && l.contains("status=\"2xx\"") && !l.endsWith(" 0")
                && !l.endsWith(" 0.0")), "REST answers counted");
        assertTrue(irsp.stream().anyMatch(l -> l.startsWith("irsp_build_info{") && l.contains("version=\"0.") && l.endsWith(" 1")
                || l.startsWith("irsp_build_info{") && l.contains("version=\"0.") && l.endsWith(" 1.0")), "the build: " + irsp);
    }

    /** The Grafana dashboard and the alert rules in docs/monitoring name only metrics IRSP exports. */
    @Test
    void theDashboardAndAlertRulesNameExportedMetrics() throws Exception {
        String metrics = get("/metrics", "text/plain").body();
        Path docs = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/monitoring");
        for (String file : List.of("grafana-dashboard.json", "prometheus-alerts.yml")) {
            Matcher names = Pattern.compile("irsp_[a-z0-9_]+").matcher(Files.readString(docs.resolve(file)));
            while (names.find()) {
                String name = names.group();
                if (TestBroker.EXTERNAL && (name.equals("irsp_offline_items") || name.equals("irsp_dead_items"))) {
                    continue; // the embedded broker's gauges
                }
                assertTrue(metrics.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")), file + " names " + name);
            }
        }
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
        assertTrue(openapi.body().contains("/users:"), "the registration endpoint is described");
        assertTrue(openapi.body().contains("/sessions:"), "the login endpoint is described");
        assertTrue(openapi.body().contains("(details.pattern)"), "with the RetCodes it answers (421 names the pattern)");
        assertTrue(!openapi.body().contains("/admin/api") && !openapi.body().contains("/dead-letters"),
                "the console's own API is not part of the published binding");
        assertTrue(openapi.body().contains("/relationship-requests/{requestId}:"), "every endpoint of 5.4 (ApiDescriptionIT checks them all)");
    }
}
