package org.irsp.messaging.boundary;

import jakarta.json.JsonObject;
import org.irsp.messaging.entity.Target;
import org.irsp.push.entity.Endpoint;
import org.irsp.push.entity.Forward;

/** A DataMessage as it will be forwarded or stored (§6.2, §11): envelope fields with defaults applied. */
public record DataMessage(String msgId, Endpoint source, String ts, boolean needResponse, boolean guaranteed,
        long ttlSeconds, String op, JsonObject body) {

    /** The message as forwarded to {@code t}: a new source, targets = [the recipient as resolved]. */
    public Forward forwardTo(Target t, String deliveryId) {
        return new Forward(msgId, source, Endpoint.of(t.entity(), t.connId()), ts, needResponse, guaranteed, ttlSeconds, body,
                deliveryId);
    }
}
