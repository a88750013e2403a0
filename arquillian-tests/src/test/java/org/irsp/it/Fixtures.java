package org.irsp.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;
import org.irsp.client.RestReply;

/** Registers fresh users and devices with unique IDs; builds the addresses and messages tests send. */
final class Fixtures {

    static final String PASSWORD = "Tr0ub4dor&3";
    static final String SECRET = "s3cret-device-0001";
    private static final AtomicInteger SEQ = new AtomicInteger();

    static IrspRest rest() {
        return new IrspRest(IrspServer.uri());
    }

    static String newUser() {
        String id = "user" + System.nanoTime() % 1_000_000_000L + "x" + SEQ.incrementAndGet();
        RestReply r = rest().post("users", Json.createObjectBuilder().add("userId", id).add("password", PASSWORD).build());
        if (r.retCode() != 200) {
            throw new IllegalStateException(r.body().toString());
        }
        return id;
    }

    static String newDeviceId() {
        return "urn:IGRS:Device:DeviceId:" + UUID.randomUUID();
    }

    static JsonObject device(String deviceId) {
        return Json.createObjectBuilder().add("deviceId", deviceId).add("deviceType", "urn:IGRS:DeviceType:Lamp:1")
                .add("manufacturer", "Acme").add("model", "L-1").add("secret", SECRET).build();
    }

    static String newDevice() {
        String id = newDeviceId();
        RestReply r = rest().post("devices", device(id));
        if (r.retCode() != 200) {
            throw new IllegalStateException(r.body().toString());
        }
        return r.body().getString("deviceId");
    }

    private Fixtures() {}

    /** A frame's address of an entity (§6.2). */
    static JsonObject address(String type, String id) {
        return Json.createObjectBuilder().add("type", type).add("id", id).build();
    }

    /** Sends a {@code delivery: offline} event DataMessage carrying {@code text}; returns its Ack. */
    static JsonObject sendOffline(IrspSocket from, JsonObject target, String text) {
        return from.call(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                .add("targets", Json.createArrayBuilder().add(target)).add("delivery", "offline")
                .add("body", Json.createObjectBuilder().add("op", "event").add("text", text))).orTimeout(15, TimeUnit.SECONDS).join();
    }
}
