package org.irsp.messaging.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The quota side of one entity's offline queue (§11.1 486): how many quota items it holds and their
 * stored bytes. Room is taken before an item is stored and given back when the item leaves the queue
 * (acked, expired, moved aside, purged), so the quota is checked without reading the queue.
 */
@Entity
@Table(name = "IRSP_OFFLINE_MAILBOX")
public class Mailbox {

    @Id
    private String entityKey;
    private int messages;
    private long bytes;

    protected Mailbox() {}

    public Mailbox(String entityKey) {
        this.entityKey = entityKey;
    }

    /** Takes room for {@code item}; false, and nothing taken, when the quota has none. Notifications always fit. */
    public boolean admit(OfflineItem item, OfflineQuota quota) {
        if (!item.countsTowardQuota()) {
            return true;
        }
        if (!quota.admits(messages, bytes, item)) {
            return false;
        }
        messages++;
        bytes += item.sizeBytes();
        return true;
    }

    /** Gives back the room of a quota item of {@code sizeBytes} that left the queue. */
    public void released(int sizeBytes) {
        messages = Math.max(0, messages - 1);
        bytes = Math.max(0, bytes - sizeBytes);
    }

    public int messages() {
        return messages;
    }

    public long bytes() {
        return bytes;
    }
}
