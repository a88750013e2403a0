package org.irsp.bench;

import org.irsp.client.Wire;
import java.net.URI;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.irsp.client.RestReply;

/** A benchmark user and the device it owns, registered and claimed through the real protocol. */
final class Pair {

    static final String PASSWORD = "Bench-passw0rd";
    static final String SECRET = "bench-device-secret-0001";
    static final String CODE = "BENCH2345";

    final String userId;
    final String deviceId;
    IrspSocket user;
    IrspSocket device;
    /** The offline items the device's last bind announced. */
    volatile int announced;

    private Pair(String userId, String deviceId) {
        this.userId = userId;
        this.deviceId = deviceId;
    }

    /** The user logs in and binds through {@code userServer}, its device through {@code deviceServer} (nodes of a cluster). */
    static Pair create(IrspRest rest, URI userServer, URI deviceServer, String run, int i) {
        String userId = "bench-" + run + "-" + i;
        String deviceId = "urn:IGRS:Device:DeviceId:" + UUID.randomUUID();
        check(rest.post("users", Wire.JSON.createObjectBuilder().add("userId", userId).add("password", PASSWORD).build()));
        check(rest.post("devices", Wire.JSON.createObjectBuilder().add("deviceId", deviceId).add("deviceType", "urn:IGRS:DeviceType:Bench:1")
                .add("manufacturer", "IRSP").add("model", "bench").add("secret", SECRET).add("verificationCode", CODE).build()));
        Pair p = new Pair(userId, deviceId);
        p.user = bind(new IrspRest(userServer), userServer, "user", userId, "password", PASSWORD);
        var claimed = p.user.request("RelationshipEstablishRequest", Wire.JSON.createObjectBuilder().add("kind", "user-device")
                .add("target", Wire.JSON.createObjectBuilder().add("type", "device").add("id", deviceId))
                .add("verificationCode", CODE).build(), Duration.ofSeconds(30));
        if (claimed == null || claimed.getInt("retCode") != 200) {
            throw new IllegalStateException("claim failed: " + claimed);
        }
        p.connectDevice(new IrspRest(deviceServer), deviceServer);
        return p;
    }

    void connectDevice(IrspRest rest, URI server) {
        connectDevice(rest, server, null);
    }

    /** Binds the device with {@code handler} receiving its frames from the first one on (stored items follow the bind). */
    void connectDevice(IrspRest rest, URI server, Consumer<JsonObject> handler) {
        connectDevice(server, loginDevice(rest), handler);
    }

    /** The device's login: its credential's hash is the costly part of connecting. */
    IrspRest.Session loginDevice(IrspRest rest) {
        return rest.login("device", deviceId, "secret", SECRET);
    }

    /** Binds the device logged in as {@code session}, {@code handler} receiving its frames from the first one on. */
    void connectDevice(URI server, IrspRest.Session session, Consumer<JsonObject> handler) {
        Bound b = bound(server, session, handler);
        device = b.ws();
        announced = b.offlineItems();
    }

    static IrspSocket bind(IrspRest rest, URI server, String type, String id, String field, String credential) {
        return bind(rest, server, type, id, field, credential, null);
    }

    static IrspSocket bind(IrspRest rest, URI server, String type, String id, String field, String credential,
            Consumer<JsonObject> handler) {
        return bound(rest, server, type, id, field, credential, handler).ws();
    }

    /** A bound socket and the number of offline items its bind announced. */
    record Bound(IrspSocket ws, int offlineItems) {}

    private static Bound bound(IrspRest rest, URI server, String type, String id, String field, String credential,
            Consumer<JsonObject> handler) {
        return bound(server, rest.login(type, id, field, credential), handler);
    }

    private static Bound bound(URI server, IrspRest.Session session, Consumer<JsonObject> handler) {
        IrspSocket ws = IrspSocket.open(server, session.token());
        if (handler != null) {
            ws.onFrame(handler);
        }
        JsonObject reply;
        try {
            reply = ws.call(Wire.JSON.createObjectBuilder().add("type", "ConnectionIdBindRequest").add("msgId", UUID.randomUUID().toString())
                    .add("body", Wire.JSON.createObjectBuilder().add("connId", session.connId()))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("bind failed", e);
        }
        if (reply == null || reply.getInt("retCode") != 200) {
            throw new IllegalStateException("bind failed: " + reply);
        }
        ws.heartbeatEvery(Duration.ofSeconds(20));
        return new Bound(ws, reply.getJsonObject("body").getInt("offlineItems"));
    }

    private static void check(RestReply r) {
        if (r.retCode() != 200) {
            throw new IllegalStateException("registration failed: " + r.body());
        }
    }
}
