package org.irsp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;

/** A registered user or device, logged in and bound, acking what it must. */
final class Party implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    final String id;
    final String type;
    final IrspRest.Session session;
    final IrspSocket ws;
    final JsonObject bindReply;

    private Party(URI server, String type, String id, String credentialField, String credential) {
        this.type = type;
        this.id = id;
        this.session = new IrspRest(server).login(type, id, credentialField, credential);
        this.ws = IrspSocket.open(server, session.token()).autoAck(true);
        this.bindReply = ws.bind(session.connId());
        ws.heartbeatEvery(Duration.ofSeconds(1));
    }

    static Party user(String id) {
        return user(IrspServer.uri(), id);
    }

    static Party device(String id) {
        return device(IrspServer.uri(), id);
    }

    /** Logged in and bound through {@code server} (one node of a cluster). */
    static Party user(URI server, String id) {
        return new Party(server, "user", id, "password", Fixtures.PASSWORD);
    }

    static Party device(URI server, String id) {
        return new Party(server, "device", id, "secret", Fixtures.SECRET);
    }

    JsonObject address() {
        return Json.createObjectBuilder().add("type", type).add("id", id).build();
    }

    JsonObject request(String type, JsonObject body) {
        return ws.request(type, body, WAIT);
    }

    /** Sends {@code frame} and returns the frame answering it; other frames stay queued for {@link #next}. */
    JsonObject call(JsonObjectBuilder frame) {
        return ws.call(frame).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    JsonObject next(String type) {
        return ws.next(type, WAIT);
    }

    @Override
    public void close() {
        ws.close();
    }
}
