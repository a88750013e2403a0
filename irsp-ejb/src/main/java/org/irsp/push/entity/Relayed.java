package org.irsp.push.entity;

import jakarta.json.JsonObject;

/**
 * A DataMessageResponse on its way back to the sender (§11.3), as the codec wrote it for the sender:
 * kept as that frame when the sender went offline and it waits in the sender's queue.
 */
public record Relayed(JsonObject frame) implements Push {
}
