package org.irsp.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Optional;
import org.irsp.codes.Failures;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;

/** The one place where REST turns exceptions into RetCodes and error bodies. */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        return Replies.error(toIrsp(thrown));
    }

    static IrspException toIrsp(Throwable thrown) {
        Optional<IrspException> known = Failures.known(thrown);
        if (known.isPresent()) {
            return known.get();
        }
        Throwable t = Failures.unwrap(thrown);
        if (t instanceof NotFoundException) {
            return new IrspException(RetCode.NOT_FOUND, "no such resource");
        }
        if (t instanceof NotAllowedException) {
            return new IrspException(RetCode.METHOD_NOT_ALLOWED, "method not allowed");
        }
        if (t instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            RetCode code = ContainerErrors.retCode(w.getResponse().getStatus());
            return code == RetCode.BAD_REQUEST ? IrspException.badField("$", "malformed request")
                    : new IrspException(code, code.name().toLowerCase().replace('_', ' '));
        }
        LOG.log(Level.SEVERE, "internal error", t);
        return new IrspException(RetCode.INTERNAL, "internal error");
    }
}
