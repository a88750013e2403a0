package org.irsp.messaging.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.irsp.codes.Wire;
import org.irsp.messaging.entity.Outcome;

/**
 * The JMS binding's one writer of the MultiAck answering an enterprise push (§15.1): a result per target
 * ({@code target}, {@code retCode}, {@code reason} unless 200/202), or the push's refusal with the
 * §5.1-style {@code reason} and {@code details}.
 */
final class PushReplies {

    static String multiAck(PushOutcome outcome) {
        JsonObjectBuilder reply = Wire.JSON.createObjectBuilder().add("type", "MultiAck");
        if (outcome.respTo() != null) {
            reply.add("respTo", outcome.respTo());
        }
        if (outcome.refused() != null) {
            return reply.add("retCode", outcome.refused().retCode().code()).add("reason", outcome.refused().getMessage())
                    .add("details", outcome.refused().detailsJson()).build().toString();
        }
        JsonArrayBuilder results = Wire.JSON.createArrayBuilder();
        outcome.results().forEach(o -> results.add(result(o)));
        return reply.add("retCode", 200).add("body", Wire.JSON.createObjectBuilder().add("results", results)).build().toString();
    }

    private static JsonObjectBuilder result(Outcome o) {
        JsonObjectBuilder r = Wire.JSON.createObjectBuilder()
                .add("target", Wire.JSON.createObjectBuilder().add("type", o.target().entity().type().wire())
                        .add("id", o.target().entity().id()))
                .add("retCode", o.code().code());
        return o.reason() == null ? r : r.add("reason", o.reason());
    }

    private PushReplies() {}
}
