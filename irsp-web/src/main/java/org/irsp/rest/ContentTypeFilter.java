package org.irsp.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the {@code Content-Type} before anything in JAX-RS parses it. A header that does not parse, or
 * names a charset other than UTF-8 (§1: text is UTF-8), is noted for {@link BodyLimitFilter} to refuse
 * with 400 in the §5.1 check order, and replaced, so that path resolution and the body reader never trip
 * over it (they would answer a container error page or a 500).
 */
@Provider
@PreMatching
public class ContentTypeFilter implements ContainerRequestFilter {

    static final String REFUSAL = "irsp.contentTypeRefusal";

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null) {
            return;
        }
        String refusal = refusal(header);
        if (refusal != null) {
            request.setProperty(REFUSAL, refusal);
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    static String refusal(String header) {
        try {
            String charset = MediaType.valueOf(header).getParameters().get(MediaType.CHARSET_PARAMETER);
            return charset == null || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("\"UTF-8\"")
                    ? null : "bodies are UTF-8 JSON: charset must be UTF-8";
        } catch (RuntimeException unparseable) {
            return "Content-Type is not a media type";
        }
    }
}
