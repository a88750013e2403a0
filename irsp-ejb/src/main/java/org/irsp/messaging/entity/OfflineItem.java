package org.irsp.messaging.entity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.irsp.codes.IrspException;
import org.irsp.codes.JsonInput;
import org.irsp.session.control.Tokens;

/**
 * An item of an entity's offline queue (§6.7, §11.5): the frame to deliver at bind, its delivery ID
 * (the Ack key, stable across re-sends), when it was stored, and its TTL. Stored DataMessages and
 * ServerPushNotifys count toward the quota; stored notifications do not.
 */
public record OfflineItem(String deliveryId, Kind kind, String frame, Instant storedAt, Duration ttl) {

    public enum Kind {
        /** DataMessage or ServerPushNotify, delivered as OfflineMessageDelivery; counts toward the quota. */
        MESSAGE,
        /** A stored notification, delivered as itself. */
        NOTIFICATION
    }

    private static final String PREFIX = "d-";

    public static String newDeliveryId() {
        return PREFIX + Tokens.random(16);
    }

    /** Whether an Ack's respTo can name an offline item (and is safe inside a selector). */
    public static boolean isDeliveryId(String value) {
        return value != null && value.startsWith(PREFIX) && value.matches("d-[A-Za-z0-9_-]{1,64}");
    }

    public Instant expiresAt() {
        return storedAt.plus(ttl);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt());
    }

    public boolean countsTowardQuota() {
        return kind == Kind.MESSAGE;
    }

    /**
     * Whether the stored frame can be put on a WebSocket: one JSON object whose text is well-formed
     * Unicode. One that cannot (stored before input was validated, or damaged) is moved aside at bind
     * instead of blocking the items behind it.
     */
    public boolean isDeliverable() {
        try {
            JsonInput.requireWellFormed(frame, JsonInput.parseObject(frame));
            return true;
        } catch (IrspException undeliverable) {
            return false;
        }
    }

    public int sizeBytes() {
        return frame.getBytes(StandardCharsets.UTF_8).length;
    }
}
