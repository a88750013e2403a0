package org.irsp.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;

/**
 * §5.1 body rules, checked after authentication and before parsing: 413 for a body over
 * {@code irsp.rest.maxBodyBytes}; then 400 for a {@code Content-Type} that {@link ContentTypeFilter} refused
 * ({@code details.field} {@code Content-Type}) and for bytes that are not UTF-8 ({@code $}). A declared
 * {@code Content-Length} over the limit is refused before anything is read.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class BodyLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "irsp.rest.maxBodyBytes", defaultValue = "65536")
    int maxBodyBytes;

    @Context
    HttpServletRequest servlet;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        // HTTP/1.x: with a Content-Length, exactly that many bytes; with neither it nor chunking, none (RFC 9112
        // §6.3), decided from the headers, never by reading the stream to its end.
        int declared = request.getLength();
        boolean http1 = servlet.getProtocol().startsWith("HTTP/1");
        if (http1 && declared <= 0 && request.getHeaderString("Transfer-Encoding") == null || !http1 && !request.hasEntity()) {
            request.setEntityStream(InputStream.nullInputStream());
            return;
        }
        if (declared > maxBodyBytes) {
            request.abortWith(Replies.error(new IrspException(RetCode.TOO_LARGE, "body too large")));
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(declared >= 0 ? declared : maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            request.abortWith(Replies.error(new IrspException(RetCode.TOO_LARGE, "body too large")));
            return;
        }
        if (request.getProperty(ContentTypeFilter.REFUSAL) instanceof String refusal) {
            request.abortWith(Replies.error(IrspException.badField("Content-Type", refusal)));
            return;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException notUtf8) {
            request.abortWith(Replies.error(IrspException.badField("$", "the body is not UTF-8")));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }
}
