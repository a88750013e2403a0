package org.irsp.relationship.entity;

/**
 * The lifecycle of a relationship request (§10.2–10.4). Only a pending request moves; every other
 * state is final and kept as a tombstone so that late answers get Table 2's rules 3, 4, 6 and 7.
 */
public enum RequestState {
    PENDING,
    ACCEPTED,
    REJECTED,
    EXPIRED,
    WITHDRAWN,
    CANCELLED;

    /** What can happen to a request. */
    public enum Event { ACCEPT, REJECT, EXPIRE, WITHDRAW, CANCEL }

    /** The state after {@code event}; a closed request refuses every event. */
    public RequestState on(Event event) {
        if (this != PENDING) {
            throw new IllegalStateException("request already " + name().toLowerCase() + ": cannot " + event);
        }
        return switch (event) {
            case ACCEPT -> ACCEPTED;
            case REJECT -> REJECTED;
            case EXPIRE -> EXPIRED;
            case WITHDRAW -> WITHDRAWN;
            case CANCEL -> CANCELLED;
        };
    }

    public boolean isPending() {
        return this == PENDING;
    }

    /** The {@code result} of a RelationshipResultNotify for a request closed in this state. */
    public String result() {
        return switch (this) {
            case ACCEPTED -> "accepted";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case CANCELLED -> "cancelled";
            default -> throw new IllegalStateException(name() + " has no result notification");
        };
    }
}
