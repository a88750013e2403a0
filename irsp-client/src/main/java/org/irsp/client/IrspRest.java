package org.irsp.client;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** The §5 REST binding: JSON in, {@link RestReply} out, bearer token optional. */
public class IrspRest {

    /** The nodes of a cluster (one for a single server), and which one is used now. */
    private final List<URI> servers;
    private final AtomicInteger current = new AtomicInteger();
    private final HttpClient http;

    /** @param server e.g. {@code http://127.0.0.1:8080} */
    public IrspRest(URI server) {
        this(server, null);
    }

    /**
     * The nodes of a cluster: requests go to one of them; when it cannot be reached (the connection refused
     * or not made within 10 s, so the request was not sent), the same request goes to the next.
     */
    public IrspRest(List<URI> servers) {
        this(servers, null);
    }

    /** @param tls for {@code https://} servers whose certificate the default trust store does not know; null for the default */
    public IrspRest(URI server, SSLContext tls) {
        this(List.of(server), tls);
    }

    public IrspRest(List<URI> servers, SSLContext tls) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no server");
        }
        this.servers = List.copyOf(servers);
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)); // no h2c: see docs/SECURITY.md
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
    }

    /** The node requests go to now (a socket may bind through any node). */
    public URI server() {
        return servers.get(current.get());
    }

    public RestReply send(String method, String path, String body, String token, Map<String, String> headers) {
        for (int tried = 1; ; tried++) {
            int node = current.get();
            try {
                return send(servers.get(node), method, path, body, token, headers);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof ConnectException || e.getCause() instanceof HttpConnectTimeoutException)
                        || tried >= servers.size()) {
                    throw e;
                }
                current.compareAndSet(node, (node + 1) % servers.size()); // unreachable: the next node
            }
        }
    }

    private RestReply send(URI server, String method, String path, String body, String token, Map<String, String> headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(server.resolve("/irsp/api/v1/").resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        headers.forEach(r::header);
        try {
            HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            JsonObject json = response.body().isEmpty() ? JsonObject.EMPTY_JSON_OBJECT
                    : Wire.JSON.createReader(new StringReader(response.body())).readObject();
            return new RestReply(response.statusCode(), json, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public RestReply post(String path, JsonObject body) {
        return send("POST", path, body.toString(), null, Map.of());
    }

    public RestReply call(String method, String path, JsonObject body, String token) {
        return send(method, path, body == null ? null : body.toString(), token, Map.of());
    }

    public static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Logs in: POST /sessions; {@link Refused} with the IRSP's retCode and reason when it says no. */
    public Session login(String type, String id, String credentialField, String credential) {
        RestReply r = post("sessions", Wire.JSON.createObjectBuilder().add("type", type).add("id", id)
                .add(credentialField, credential).build());
        if (r.retCode() != 200) {
            throw new Refused("login", r);
        }
        return new Session(r.body().getString("id"), r.body().getString("connId"), r.body().getString("token"));
    }

    /** Logs a device in by §8.2 challenge-response: the secret itself is never sent. */
    public Session loginByChallenge(String deviceId, String secret) {
        RestReply c = post("sessions/challenge", Wire.JSON.createObjectBuilder().add("type", "device").add("id", deviceId).build());
        if (c.retCode() != 200) {
            throw new Refused("challenge", c);
        }
        byte[] key = DeviceProof.key(secret, c.body().getString("salt"), c.body().getInt("iterations"));
        String nonce = c.body().getString("nonce");
        RestReply r = post("sessions", Wire.JSON.createObjectBuilder().add("type", "device").add("id", deviceId)
                .add("nonce", nonce).add("proof", DeviceProof.proof(key, nonce, deviceId)).build());
        if (r.retCode() != 200) {
            throw new Refused("login", r);
        }
        return new Session(r.body().getString("id"), r.body().getString("connId"), r.body().getString("token"));
    }

    /** The IRSP answered a request with a RetCode other than the one that means done. */
    public static class Refused extends IllegalStateException {
        private final String what;
        private final transient RestReply reply;

        public Refused(String what, RestReply reply) {
            super(what + " refused: " + reply.body());
            this.what = what;
            this.reply = reply;
        }

        /** What was refused ("login", "challenge"), its RetCode and the IRSP's reason, in one line. */
        public String summary() {
            return what + " refused: " + reply.retCode() + " " + reply.body().getString("reason", "");
        }

        public RestReply reply() {
            return reply;
        }
    }

    /** A login's result. */
    public record Session(String id, String connId, String token) {}
}
