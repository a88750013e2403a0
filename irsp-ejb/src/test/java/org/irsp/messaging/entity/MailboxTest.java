package org.irsp.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailboxTest {

    private static OfflineItem item(OfflineItem.Kind kind, int bytes) {
        return new OfflineItem("d-x", kind, "x".repeat(bytes), Instant.EPOCH, Duration.ofDays(7));
    }

    @Test
    void admitsQuotaItemsUntilTheCountIsReached() {
        Mailbox mailbox = new Mailbox("device:d");
        OfflineQuota quota = new OfflineQuota(2, 1_000);
        assertTrue(mailbox.admit(item(OfflineItem.Kind.MESSAGE, 10), quota));
        assertTrue(mailbox.admit(item(OfflineItem.Kind.MESSAGE, 10), quota));
        assertFalse(mailbox.admit(item(OfflineItem.Kind.MESSAGE, 10), quota));
        assertEquals(2, mailbox.messages());
        assertEquals(20, mailbox.bytes());
    }

    @Test
    void refusesAnItemThatWouldPassTheByteLimitAndTakesNothing() {
        Mailbox mailbox = new Mailbox("device:d");
        OfflineQuota quota = new OfflineQuota(10, 100);
        assertTrue(mailbox.admit(item(OfflineItem.Kind.MESSAGE, 60), quota));
        assertFalse(mailbox.admit(item(OfflineItem.Kind.MESSAGE, 41), quota));
        assertEquals(1, mailbox.messages());
        assertEquals(60, mailbox.bytes());
        assertTrue(mailbox.admit(item(OfflineItem.Kind.MESSAGE, 40), quota));
    }

    @Test
    void notificationsAlwaysFitAndTakeNoRoom() {
        Mailbox mailbox = new Mailbox("user:u");
        OfflineQuota quota = new OfflineQuota(1, 10);
        assertTrue(mailbox.admit(item(OfflineItem.Kind.MESSAGE, 10), quota));
        assertTrue(mailbox.admit(item(OfflineItem.Kind.NOTIFICATION, 500), quota));
        assertEquals(1, mailbox.messages());
        assertEquals(10, mailbox.bytes());
    }

    @Test
    void aReleasedItemGivesItsRoomBackAndCountsNeverGoBelowZero() {
        Mailbox mailbox = new Mailbox("user:u");
        OfflineQuota quota = new OfflineQuota(1, 100);
        assertTrue(mailbox.admit(item(OfflineItem.Kind.MESSAGE, 30), quota));
        mailbox.released(30);
        assertTrue(mailbox.admit(item(OfflineItem.Kind.MESSAGE, 30), quota));
        mailbox.released(30);
        mailbox.released(30);
        assertEquals(0, mailbox.messages());
        assertEquals(0, mailbox.bytes());
    }
}
