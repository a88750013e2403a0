package org.irsp.messaging.entity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.irsp.codes.IrspException;
import org.irsp.codes.JsonInput;
import org.irsp.push.control.PushText;
import org.irsp.push.entity.Legacy;
import org.irsp.push.entity.Push;
import org.irsp.push.entity.Stored;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import org.irsp.session.control.Tokens;

/**
 * An item of an entity's offline queue (§6.7, §11.5): the push to deliver at bind (as its stored text,
 * {@link PushText}), its delivery ID (the Ack key, stable across re-sends, and the msgId of the frame it
 * becomes), when it was stored, and its TTL. Stored DataMessages and ServerPushNotifys count toward the
 * quota; stored notifications do not.
 */
public record OfflineItem(String deliveryId, Kind kind, String text, Instant storedAt, Duration ttl) {

    public static OfflineItem of(String deliveryId, Push push, Instant storedAt, Duration ttl) {
        return new OfflineItem(deliveryId, push instanceof Stored ? Kind.MESSAGE : Kind.NOTIFICATION, PushText.write(push),
                storedAt, ttl);
    }

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

    /** The push this item holds; one stored by an earlier version is a {@link Legacy} partial frame. */
    public Push push() {
        return PushText.readStored(text);
    }

    /**
     * Whether the item can be put on a WebSocket: well-formed Unicode that reads back as a push. One that
     * cannot (stored before input was validated, or damaged) is moved aside at bind instead of blocking
     * the items behind it.
     */
    public boolean isDeliverable() {
        try {
            JsonInput.requireWellFormed(text, JsonInput.parseObject(text));
            push();
            return true;
        } catch (IrspException | JsonbException | JsonException | IllegalArgumentException undeliverable) {
            return false;
        }
    }

    public int sizeBytes() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
