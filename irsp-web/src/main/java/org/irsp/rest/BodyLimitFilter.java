package org.irsp.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;

/** §5.1 413: a body over {@code irsp.rest.maxBodyBytes}, checked after authentication and before parsing. */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class BodyLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "irsp.rest.maxBodyBytes", defaultValue = "65536")
    int maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        InputStream in = request.getEntityStream();
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            request.abortWith(Replies.error(new IrspException(RetCode.TOO_LARGE, "body too large")));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }
}
