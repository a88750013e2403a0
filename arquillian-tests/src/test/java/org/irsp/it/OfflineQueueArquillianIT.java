package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.irsp.messaging.control.Inboxes;
import org.irsp.messaging.control.OfflineQueue;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.registration.entity.EntityRef;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: the offline queue control against the real broker through the resource adapter. Sending
 * never consumes, only a named Ack removes, FIFO holds, the quota counts messages but not notifications.
 */
@ExtendWith(ArquillianExtension.class)
class OfflineQueueArquillianIT {

    @Deployment
    static WebArchive irsp() {
        File war = new File(System.getProperty("irsp.it.dir", "target/it"), "irsp.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, war).addClass(OfflineQueueArquillianIT.class);
    }

    @Inject
    OfflineQueue queue;

    @Inject
    Inboxes inboxes;

    @Inject
    UserTransaction transaction;

    private static OfflineItem item(OfflineItem.Kind kind, String text) {
        return new OfflineItem(OfflineItem.newDeliveryId(), kind, "{\"type\":\"X\",\"body\":{\"t\":\"" + text + "\"}}",
                Instant.now(), Duration.ofHours(1));
    }

    @Test
    void readingDeliversInOrderWithoutConsumingAndOnlyANamedAckRemoves() {
        EntityRef device = EntityRef.device("urn:IGRS:Device:DeviceId:" + UUID.randomUUID());
        OfflineItem first = item(OfflineItem.Kind.MESSAGE, "1");
        OfflineItem second = item(OfflineItem.Kind.NOTIFICATION, "2");
        assertTrue(queue.store(device, first));
        assertTrue(queue.store(device, second));
        List<String> ids = queue.pending(device, false).stream().map(OfflineItem::deliveryId).toList();
        assertEquals(List.of(first.deliveryId(), second.deliveryId()), ids);
        assertEquals(2, queue.pending(device, false).size());
        assertFalse(queue.remove(device, "d-unknown"));
        assertTrue(queue.remove(device, first.deliveryId()));
        assertEquals(List.of(second.deliveryId()), queue.pending(device, false).stream().map(OfflineItem::deliveryId).toList());
    }

    /**
     * A bind that finds its queue empty leaves no consumer behind; an item the quota does not count (a
     * notification) is still found by the next bind, which then keeps the inbox open for the Acks.
     */
    @Test
    void aBoundReaderOfAnEmptyQueueHoldsNoInboxAndTheNextItemIsStillFound() {
        EntityRef device = EntityRef.device("urn:IGRS:Device:DeviceId:" + UUID.randomUUID());
        assertTrue(queue.pending(device, true).isEmpty());
        assertFalse(inboxes.holds(device));
        OfflineItem notice = item(OfflineItem.Kind.NOTIFICATION, "n");
        assertTrue(queue.store(device, notice));
        assertFalse(inboxes.surelyEmpty(device));
        assertEquals(List.of(notice.deliveryId()), queue.pending(device, true).stream().map(OfflineItem::deliveryId).toList());
        assertTrue(inboxes.holds(device));
        assertTrue(queue.remove(device, notice.deliveryId()));
        inboxes.close(device);
        assertTrue(inboxes.surelyEmpty(device));
        assertTrue(queue.pending(device, true).isEmpty());
        assertFalse(inboxes.holds(device));
    }

    @Test
    void aFullQueueRefusesMessagesButStillTakesNotifications() {
        EntityRef user = EntityRef.user("quota" + System.nanoTime());
        int stored = 0;
        while (queue.store(user, item(OfflineItem.Kind.MESSAGE, "m" + stored))) {
            stored++;
            if (stored > 2000) {
                throw new AssertionError("the quota never refused");
            }
        }
        assertEquals(1000, stored);
        assertTrue(queue.store(user, item(OfflineItem.Kind.NOTIFICATION, "n")));
        queue.purge(user);
        assertTrue(queue.pending(user, false).isEmpty());
    }

    /** The room a store reserved (in its own transaction) comes back when the store's transaction rolls back. */
    @Test
    void aStoreWhoseTransactionRollsBackGivesItsRoomBack() throws Exception {
        EntityRef user = EntityRef.user("rollback" + System.nanoTime());
        for (int i = 0; i < 999; i++) {
            assertTrue(queue.store(user, item(OfflineItem.Kind.MESSAGE, "m" + i)));
        }
        transaction.begin();
        assertTrue(queue.store(user, item(OfflineItem.Kind.MESSAGE, "rolled back")));
        transaction.rollback();
        assertEquals(999, queue.pending(user, false).size());
        assertTrue(queue.store(user, item(OfflineItem.Kind.MESSAGE, "the 1000th fits")), "the rolled-back store's room came back");
        assertFalse(queue.store(user, item(OfflineItem.Kind.MESSAGE, "the 1001st")));
        queue.purge(user);
    }

    /** The byte limit (irsp.offline.maxBytes, 10 MiB by default) refuses the item that would pass it, and only that one. */
    @Test
    void aQueueRefusesTheItemThatWouldPassItsByteLimitButTakesASmallerOne() {
        EntityRef device = EntityRef.device("urn:IGRS:Device:DeviceId:" + UUID.randomUUID());
        int stored = 0;
        while (queue.storeNow(device, sized(60_000), null)) {
            stored++;
            if (stored > 200) {
                throw new AssertionError("the byte limit never refused");
            }
        }
        assertEquals(10_485_760 / 60_000, stored, "items of 60,000 bytes that fit in 10 MiB");
        assertTrue(queue.storeNow(device, sized(10_485_760 - stored * 60_000), null), "an item that exactly fills the rest");
        assertFalse(queue.storeNow(device, sized(1), null));
        queue.purge(device);
    }

    /** A store at once (a DataMessage's) does not depend on the caller's transaction: the item and its room stay. */
    @Test
    void aStoreAtOnceKeepsItsItemWhenTheCallersTransactionRollsBack() throws Exception {
        EntityRef user = EntityRef.user("atonce" + System.nanoTime());
        transaction.begin();
        OfflineItem kept = item(OfflineItem.Kind.MESSAGE, "kept");
        assertTrue(queue.storeNow(user, kept, null));
        transaction.rollback();
        assertEquals(List.of(kept.deliveryId()), queue.pending(user, false).stream().map(OfflineItem::deliveryId).toList());
        for (int i = 1; i < 1000; i++) {
            assertTrue(queue.storeNow(user, item(OfflineItem.Kind.MESSAGE, "m" + i), null));
        }
        assertFalse(queue.storeNow(user, item(OfflineItem.Kind.MESSAGE, "the 1001st"), null), "the kept item's room stayed taken");
        queue.purge(user);
    }

    /** A message item whose stored text is exactly {@code bytes} long. */
    private static OfflineItem sized(int bytes) {
        String head = "{\"type\":\"X\",\"body\":{\"t\":\"";
        String tail = "\"}}";
        return new OfflineItem(OfflineItem.newDeliveryId(), OfflineItem.Kind.MESSAGE,
                head + "x".repeat(Math.max(0, bytes - head.length() - tail.length())) + tail, Instant.now(), Duration.ofHours(1));
    }
}
