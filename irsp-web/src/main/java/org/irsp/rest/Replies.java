package org.irsp.rest;

import org.irsp.codes.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;

/** §5.1 response bodies: every one a JSON object with {@code retCode}; errors with reason and details. */
public final class Replies {

    public static Response ok(JsonObjectBuilder fields) {
        return Response.ok(fields.add("retCode", 200).build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** 202: a relationship request is pending. */
    public static Response accepted(JsonObjectBuilder fields) {
        return Response.status(202).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(fields.add("retCode", 202).build().toString()).build();
    }

    public static Response ok() {
        return ok(Wire.JSON.createObjectBuilder());
    }

    public static Response error(IrspException e) {
        RetCode code = e.retCode();
        Response.ResponseBuilder r = Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(errorBody(e).toString());
        if (e.details().get("retryAfter") instanceof Number seconds) {
            r.header("Retry-After", seconds.longValue());
        }
        if (code == RetCode.UNAUTHORIZED) {
            r.header("WWW-Authenticate", "Bearer");
        }
        return r.build();
    }

    /** The §5.1 error body: {@code retCode}, {@code reason} and {@code details}. */
    static JsonObject errorBody(IrspException e) {
        return Wire.JSON.createObjectBuilder()
                .add("retCode", e.retCode().code())
                .add("reason", e.getMessage() == null ? e.retCode().name() : e.getMessage())
                .add("details", e.detailsJson())
                .build();
    }

    private Replies() {}
}
