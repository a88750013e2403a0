package org.irsp.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.irsp.audit.entity.Operator;
import org.irsp.codes.IrspException;
import org.irsp.protocol.JsonFields;

/**
 * The administrator behind a console request, as the business layer audits them: name, address and the
 * reason the request gives. Destructive actions must give a reason ({@code reason}, 3–500 characters);
 * without one the answer is 400 naming the field and nothing changes.
 */
@RequestScoped
public class Administrator {

    static final int MAX_REASON = 500;

    @Inject HttpServletRequest request;

    /** Acting with the reason of {@code body} ({@code {"reason": "…"}}; an empty body gives none). */
    public Operator acting(String body, boolean reasonMandatory) {
        JsonFields f = fields(body);
        String reason = reasonMandatory ? f.string("reason", 3, MAX_REASON) : f.optionalString("reason", 0, MAX_REASON).orElse(null);
        if (reasonMandatory && reason.isBlank()) {
            throw IrspException.badField("reason", "reason is mandatory for this action");
        }
        return acting(reason);
    }

    public Operator acting(String reason) {
        return new Operator(request.getUserPrincipal().getName(), request.getRemoteAddr(), reason);
    }

    /** A console request body: a JSON object, or nothing at all. */
    static JsonFields fields(String body) {
        return JsonFields.parse(body == null || body.isBlank() ? "{}" : body);
    }

    /** Whether {@code action} destroys or cuts off something, and so needs a confirmation and a reason. */
    static boolean destructive(String action) {
        return DESTRUCTIVE.contains(action);
    }

    private static final Set<String> DESTRUCTIVE = Set.of("disable", "kick", "reset-secret", "reset-code", "purge");
}
