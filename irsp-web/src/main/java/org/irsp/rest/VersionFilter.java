package org.irsp.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.irsp.codes.EnvelopeRules;

/** First check of §5.1 (after path resolution): an {@code IGRS-RA-Version} of another major version is 505. */
@Provider
@Priority(100)
public class VersionFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String version = request.getHeaderString("IGRS-RA-Version");
        if (version != null && !EnvelopeRules.isSupported(version.trim())) {
            request.abortWith(Replies.error(EnvelopeRules.unsupportedVersion()));
        }
    }
}
