package org.irsp.messaging.boundary;

import jakarta.json.JsonObject;

/** A DataMessage as it will be forwarded or stored (§6.2, §11): envelope fields with defaults applied. */
public record DataMessage(String msgId, JsonObject source, String ts, boolean needResponse, boolean guaranteed,
        long ttlSeconds, String op, JsonObject body) {}
