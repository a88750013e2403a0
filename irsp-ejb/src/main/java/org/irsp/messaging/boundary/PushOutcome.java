package org.irsp.messaging.boundary;

import java.util.List;
import org.irsp.codes.IrspException;
import org.irsp.messaging.entity.Outcome;

/**
 * What an enterprise push (§15.1) came to: the outcome for every target, or the refusal of the whole
 * push ({@code refused}, with {@code respTo} null when the push had no valid msgId). The JMS binding
 * writes it as the MultiAck sent to JMSReplyTo.
 */
public record PushOutcome(String respTo, List<Outcome> results, IrspException refused) {

    public static PushOutcome delivered(String respTo, List<Outcome> results) {
        return new PushOutcome(respTo, List.copyOf(results), null);
    }

    public static PushOutcome refused(String respTo, IrspException why) {
        return new PushOutcome(respTo, List.of(), why);
    }
}
