package org.irsp.push.entity;

import jakarta.json.JsonObject;

/**
 * An offline item stored before pushes were typed: the partial frame ({@code type}, {@code msgId},
 * {@code body}) the codec completes as it always did. Read from the queue only, never written.
 */
public record Legacy(JsonObject partial) implements Push {
}
