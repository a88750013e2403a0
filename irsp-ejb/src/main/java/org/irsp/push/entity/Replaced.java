package org.irsp.push.entity;

import java.time.Instant;

/** ConnectionReplaced (§8.4): a newer connection of the device took this one's place at {@code at}. */
public record Replaced(Instant at) implements Push {
}
