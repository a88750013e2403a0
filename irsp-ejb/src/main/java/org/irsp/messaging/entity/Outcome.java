package org.irsp.messaging.entity;

import java.util.List;
import org.irsp.codes.RetCode;

/**
 * The §11.1 outcome for one target: its RetCode, the connections to forward to (for 200), and the
 * delivery ID when the message is also held in the target's offline queue (delivery {@code offline}).
 */
public record Outcome(Target target, RetCode code, List<String> connIds, String deliveryId) {

    public static Outcome of(Target target, RetCode code) {
        return new Outcome(target, code, List.of(), null);
    }

    public String reason() {
        return switch (code) {
            case NOT_FOUND -> "unknown target";
            case FORBIDDEN -> "rights or relationship check failed";
            case OFFLINE -> "target offline";
            case QUEUE_FULL -> "offline queue full";
            default -> null;
        };
    }
}
