package org.irsp.messaging.entity;

import org.irsp.registration.entity.EntityRef;

/**
 * What one node asks of the node that reads an entity's offline queue (see {@code InboxReaders}): to close
 * its inbox because another node has claimed the queue ({@link Kind#RELEASE}), or to remove an item a
 * connection of the entity bound on the asking node has acked ({@link Kind#ACK}, with its delivery ID).
 */
public record InboxCommand(Kind kind, EntityRef entity, String deliveryId) {

    public enum Kind { RELEASE, ACK }

    /** The JMS property that marks a message on a node's queue as an inbox command, and holds its kind. */
    public static final String PROPERTY = "irspInbox";
}
