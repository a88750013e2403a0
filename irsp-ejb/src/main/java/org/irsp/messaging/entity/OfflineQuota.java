package org.irsp.messaging.entity;

/**
 * §11.1 486: per-recipient limits on stored messages, by count and by stored bytes. An item is admitted
 * while the count stays at most {@code maxMessages} and the bytes at most {@code maxBytes}; notifications
 * never count. The rule is applied by one conditional update of the recipient's mailbox row
 * ({@code MailboxRows}), so that concurrent stores cannot pass it.
 */
public record OfflineQuota(int maxMessages, long maxBytes) {
}
