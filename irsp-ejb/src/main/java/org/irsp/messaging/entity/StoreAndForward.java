package org.irsp.messaging.entity;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.irsp.codes.RetCode;

/**
 * The store-and-forward decision for one target that exists and may be reached (§11.1, §6.7, §15.1),
 * the same for DataMessages and enterprise pushes: {@code instant} goes to the connections it may go to
 * (200) or nowhere (480); {@code offline} is stored first — 486 when the quota is full — and then goes to
 * those connections with its delivery ID (200), or waits for the next bind (202).
 */
public final class StoreAndForward {

    /**
     * @param connections the target's connections the message may go to now
     * @param store       stores the item: its delivery ID, or empty when the target's quota is full
     */
    public static Outcome decide(Target target, List<String> connections, boolean guaranteed, Supplier<Optional<String>> store) {
        if (!guaranteed) {
            return connections.isEmpty() ? Outcome.of(target, RetCode.OFFLINE) : new Outcome(target, RetCode.OK, connections, null);
        }
        return stored(target, connections, store.get());
    }

    /** The outcome of an {@code offline} message once stored ({@code deliveryId}) or refused for a full quota (empty). */
    public static Outcome stored(Target target, List<String> connections, Optional<String> deliveryId) {
        if (deliveryId.isEmpty()) {
            return Outcome.of(target, RetCode.QUEUE_FULL);
        }
        return connections.isEmpty() ? new Outcome(target, RetCode.ACCEPTED, List.of(), deliveryId.get())
                : new Outcome(target, RetCode.OK, connections, deliveryId.get());
    }

    private StoreAndForward() {}
}
