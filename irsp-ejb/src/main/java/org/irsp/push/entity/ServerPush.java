package org.irsp.push.entity;

import jakarta.json.JsonObject;
import org.irsp.registration.entity.EntityRef;

/**
 * An enterprise message relayed as ServerPushNotify (§11.6, §15.1): the enterprise msgId and body,
 * source {@code {"type":"irsp","id"?: system}}; with delivery {@code offline}, its TTL and the
 * {@code deliveryId} of the offline item that holds it.
 */
public record ServerPush(String msgId, String system, EntityRef recipient, String ts, boolean guaranteed,
        long ttlSeconds, JsonObject body, String deliveryId) implements Push {

    public ServerPush withDeliveryId(String id) {
        return new ServerPush(msgId, system, recipient, ts, guaranteed, ttlSeconds, body, id);
    }
}
