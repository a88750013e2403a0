package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The published API description and the server agree: every operation of docs/api/openapi.yaml (as
 * {@code /openapi} serves it) exists, with the security it states (a protected one answers 401 without a
 * token, an open one does not), and the files of docs/api are served as they are in the repository.
 */
@ExtendWith(IrspServer.class)
class ApiDescriptionIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> SAMPLE_PARAMETERS = Map.of("{userId}", "nobody1", "{deviceId}",
            "urn:IGRS:Device:DeviceId:00000000-0000-4000-8000-000000000000", "{connId}", "AAAAAAAAAAAAAAAAAAAAAA",
            "{relationshipId}", "00000000-0000-4000-8000-000000000000", "{requestId}", "00000000-0000-4000-8000-000000000000",
            "{type}", "user", "{id}", "nobody-at-all", "{action}", "enable");
    private static final Path DOCS = Path.of(System.getProperty("irsp.it.docs", "../docs/api"));

    static HttpResponse<String> call(String method, String path) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(IrspServer.uri() + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json");
        r.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}"));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The operations of a description in docs/api: "METHOD /path" → the operation. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> operations(String file) throws Exception {
        Map<String, Object> doc = new Yaml().load(Files.readString(DOCS.resolve(file)));
        Map<String, Map<String, Object>> ops = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.forEach((method, op) -> {
            if (!method.equals("parameters")) {
                ops.put(method.toUpperCase() + " " + path, (Map<String, Object>) op);
            }
        }));
        return ops;
    }

    static String concrete(String path) {
        for (var p : SAMPLE_PARAMETERS.entrySet()) {
            path = path.replace(p.getKey(), p.getValue());
        }
        return path;
    }

    @Test
    void everyDocumentedOperationExistsWithTheSecurityItStates() throws Exception {
        Map<String, Map<String, Object>> ops = operations("openapi.yaml");
        assertEquals(24, ops.size(), "every operation of PROTOCOL 5.4: " + ops.keySet());
        for (var op : ops.entrySet()) {
            String method = op.getKey().substring(0, op.getKey().indexOf(' '));
            String path = op.getKey().substring(method.length() + 1);
            boolean open = !op.getValue().containsKey("security");
            HttpResponse<String> answer = call(method, "/irsp/api/v1" + concrete(path));
            String what = op.getKey() + " answered " + answer.statusCode() + " " + answer.body();
            assertNotEquals(405, answer.statusCode(), what);
            assertTrue(!answer.body().contains("no such resource"), what);
            if (open) {
                assertNotEquals(401, answer.statusCode(), what);
            } else {
                assertEquals(401, answer.statusCode(), what);
            }
        }
        JsonObject served = Json.createReader(new StringReader(call("GET", "/openapi").body())).readObject();
        assertEquals("3.1.0", served.getString("openapi"));
        assertEquals("/irsp/api/v1", served.getJsonArray("servers").getJsonObject(0).getString("url"));
        assertEquals(operations("openapi.yaml").keySet().stream().map(k -> k.substring(k.indexOf(' ') + 1)).collect(Collectors.toSet()),
                served.getJsonObject("paths").keySet(), "/openapi serves the repository's paths");
    }

    @Test
    void everyOperationOfTheConsolesDescriptionExists() throws Exception {
        AdminConsoleIT.Console admin = AdminConsoleIT.loggedIn();
        Map<String, Map<String, Object>> ops = operations("admin-openapi.yaml");
        assertTrue(ops.size() >= 15, ops.keySet().toString());
        List<String> last = List.of("POST /logout");
        for (String key : ops.keySet().stream().sorted((a, b) -> Boolean.compare(last.contains(a), last.contains(b))).toList()) {
            String method = key.substring(0, key.indexOf(' '));
            String path = "/irsp/admin/api" + concrete(key.substring(method.length() + 1));
            HttpResponse<String> answer = method.equals("GET") ? admin.get(path)
                    : admin.post(path, Json.createObjectBuilder().build());
            String what = key + " answered " + answer.statusCode() + " " + answer.body();
            assertNotEquals(405, answer.statusCode(), what);
            assertNotEquals(401, answer.statusCode(), what);
            assertTrue(!answer.body().contains("no such resource"), what);
        }
    }

    @Test
    void theRepositorysDescriptionsAreServedAsTheyAre() throws Exception {
        for (String file : List.of("openapi.yaml", "asyncapi.yaml")) {
            HttpResponse<String> served = call("GET", "/irsp/api-docs/" + file);
            assertEquals(200, served.statusCode(), file);
            assertEquals(Files.readString(DOCS.resolve(file)), served.body(), file);
        }
        assertEquals(404, call("GET", "/irsp/api-docs/admin-openapi.yaml").statusCode(), "the console's API is not published");
    }
}
