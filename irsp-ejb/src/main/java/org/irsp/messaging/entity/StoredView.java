package org.irsp.messaging.entity;

import java.time.Instant;

/**
 * What the console shows of a stored item: where it is for, what kind, when it was stored and expires,
 * its size and sender; for a dead letter also why and where it was going; the text only when an
 * administrator asked for it (else null).
 */
public record StoredView(String deliveryId, String kind, String recipient, String sender, Instant storedAt, Instant expiresAt,
        int sizeBytes, String deadReason, String originalAddress, String text) {}
