package org.irsp.messaging.boundary;

import jakarta.json.JsonObject;

/** The MultiAck (or rejection) the IRSP sends to an enterprise's JMSReplyTo (§15.1). */
public record PushOutcome(JsonObject reply) {}
