package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.irsp.push.entity.Endpoint;
import org.irsp.push.entity.Forward;
import org.irsp.registration.entity.EntityRef;
import org.irsp.session.control.ConnectionChannel;
import org.irsp.session.entity.ConnectionCommand;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: a DataMessage forwarded to a connection on another node travels as a push over the
 * command queue of the node that holds the socket ({@code irsp.node.<name>}) and is written there. Forced
 * here by sending the push to this node's queue, as another node would, to a real WebSocket of this server: the bytes it receives
 * are the bytes the local path wrote for the same message.
 */
@ExtendWith(ArquillianExtension.class)
class PushPathArquillianIT {

    private static final String PASSWORD = "Tr0ub4dor&3";

    @Deployment
    static WebArchive irsp() {
        File war = new File(System.getProperty("irsp.it.dir", "target/it"), "irsp.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(PushPathArquillianIT.class, RawWebSocket.class, RawWebSocket.Frame.class);
    }

    @Inject
    ConnectionChannel channel;

    /** Arquillian's request that runs this test: it came in on the server's HTTP listener (on loopback). */
    @Inject
    HttpServletRequest arquillian;

    private URI server;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aForwardedDataMessageArrivesOverTheBrokerByteForByteAsTheLocalPathWritesIt() throws Exception {
        server = URI.create("http://127.0.0.1:" + arquillian.getLocalPort() + "/irsp/");
        String user = "bytes" + System.nanoTime();
        post("api/v1/users", Json.createObjectBuilder().add("userId", user).add("password", PASSWORD).build());
        JsonObject a = login(user);
        JsonObject b = login(user);
        JsonObject body = Json.createObjectBuilder().add("op", "event").add("text", "h\u00e9llo \ud83d\ude00 \"q\" </x>")
                .add("n", Json.createArrayBuilder().add(1).add(2.5).addNull().add(false)).build();
        try (RawWebSocket senderSocket = bound(a); RawWebSocket receiverSocket = bound(b)) {
            senderSocket.sendText(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", "m-bytes")
                    .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "user").add("id", user)))
                    .add("ts", "2026-11-30T08:00:00Z").add("delivery", "offline").add("ttl", 600).add("body", body).build()
                    .toString());
            String local = next(receiverSocket, "DataMessage");
            String deliveryId = parse(local).getString("deliveryId");

            EntityRef entity = EntityRef.user(user);
            Forward same = new Forward("m-bytes", Endpoint.of(entity, a.getString("connId")), Endpoint.of(entity),
                    "2026-11-30T08:00:00Z", false, true, 600, body, deliveryId);
            channel.publish(ConnectionCommand.push(entity, b.getString("connId"), null, same, null));

            assertEquals(local, next(receiverSocket, "DataMessage"));
        }
    }

    private RawWebSocket bound(JsonObject session) throws IOException {
        RawWebSocket ws = new RawWebSocket(server, session.getString("token"));
        ws.sendText(Json.createObjectBuilder().add("type", "ConnectionIdBindRequest").add("msgId", "b-1")
                .add("body", Json.createObjectBuilder().add("connId", session.getString("connId"))).build().toString());
        assertEquals(200, parse(next(ws, "ConnectionIdBindResponse")).getInt("retCode"));
        return ws;
    }

    /** The next frame of {@code type}, skipping others (Acks, notifications). */
    private static String next(RawWebSocket ws, String type) throws IOException {
        for (String frame = ws.nextText(); frame != null; frame = ws.nextText()) {
            if (type.equals(parse(frame).getString("type"))) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " arrived");
    }

    private JsonObject login(String user) throws Exception {
        JsonObject s = post("api/v1/sessions", Json.createObjectBuilder().add("type", "user").add("id", user)
                .add("password", PASSWORD).build());
        assertNotNull(s.getString("token", null), s.toString());
        return s;
    }

    private JsonObject post(String path, JsonObject body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return parse(r.body());
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
