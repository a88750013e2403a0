package org.irsp.messaging.entity;

/** §11.1 486: per-recipient limits on stored messages, by count and by stored envelope bytes. */
public record OfflineQuota(int maxMessages, long maxBytes) {

    public boolean admits(int storedMessages, long storedBytes, OfflineItem item) {
        if (!item.countsTowardQuota()) {
            return true;
        }
        return storedMessages + 1 <= maxMessages && storedBytes + item.sizeBytes() <= maxBytes;
    }
}
