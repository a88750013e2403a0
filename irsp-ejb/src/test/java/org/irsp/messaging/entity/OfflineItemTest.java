package org.irsp.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OfflineItemTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private static OfflineItem item(OfflineItem.Kind kind, String frame) {
        return new OfflineItem(OfflineItem.newDeliveryId(), kind, frame, T0, Duration.ofSeconds(86400));
    }

    @Test
    void anItemExpiresTtlSecondsAfterItWasStored() {
        OfflineItem item = item(OfflineItem.Kind.MESSAGE, "{}");
        assertFalse(item.isExpired(T0.plusSeconds(86399)));
        assertTrue(item.isExpired(T0.plusSeconds(86400)));
    }

    @Test
    void onlyIrspDeliveryIdsNameQueueItems() {
        assertTrue(OfflineItem.isDeliveryId(OfflineItem.newDeliveryId()));
        assertFalse(OfflineItem.isDeliveryId("s-123"));
        assertFalse(OfflineItem.isDeliveryId("d-x' OR 1=1"));
    }
}
