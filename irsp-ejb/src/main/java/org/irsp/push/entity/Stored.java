package org.irsp.push.entity;

import java.time.Instant;

/**
 * A stored message delivered at bind as OfflineMessageDelivery (§11.5): the message as it was
 * forwarded (a {@link Forward}, a {@link ServerPush} or a {@link Relayed} response) and when the IRSP
 * received it. The frame's msgId is the item's delivery ID.
 */
public record Stored(Instant storedAt, Push message) implements Push {
}
