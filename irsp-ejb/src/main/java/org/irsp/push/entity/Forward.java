package org.irsp.push.entity;

import jakarta.json.JsonObject;

/**
 * A DataMessage forwarded to one recipient (§6.2 "forwarded frames", §11.1): the sender's msgId, ts and
 * body, a new source, {@code targets} = [the recipient as resolved], the delivery options with defaults
 * applied, and the {@code deliveryId} of the offline item that holds it (delivery {@code offline}).
 */
public record Forward(String msgId, Endpoint source, Endpoint recipient, String ts, boolean needResponse,
        boolean guaranteed, long ttlSeconds, JsonObject body, String deliveryId) implements Push {

    /** The same message as an offline item keeps it (§11.5): without the live forward's deliveryId. */
    public Forward asStored() {
        return new Forward(msgId, source, recipient, ts, needResponse, guaranteed, ttlSeconds, body, null);
    }
}
