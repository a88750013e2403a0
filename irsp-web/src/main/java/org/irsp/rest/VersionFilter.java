package org.irsp.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;

/** First check of §5.1 (after path resolution): an {@code IGRS-RA-Version} of another major version is 505. */
@Provider
@Priority(100)
public class VersionFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String version = request.getHeaderString("IGRS-RA-Version");
        if (version != null && !version.trim().matches("1(\\.\\d+)?")) {
            request.abortWith(Replies.error(new IrspException(RetCode.VERSION, "unsupported protocol version",
                    Map.of("supported", List.of("1.0")))));
        }
    }
}
