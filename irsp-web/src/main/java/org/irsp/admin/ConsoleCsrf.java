package org.irsp.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.rest.Replies;

/**
 * Cross-site request forgery protection of the console's state-changing calls: anything but GET and HEAD
 * must carry the session's token in {@code X-IRSP-CSRF} (the console page reads it from the overview,
 * which another site cannot read), else 403 and nothing happens. The session cookie is also
 * {@code SameSite=Strict} (payara-web.xml), so a browser does not send it from another site at all.
 */
@Provider
public class ConsoleCsrf implements ContainerRequestFilter {

    static final String HEADER = "X-IRSP-CSRF";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Context HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        HttpSession session = http.getSession(false);
        Object expected = session == null ? null : session.getAttribute(AdminLogin.CSRF_TOKEN);
        String given = request.getHeaderString(HEADER);
        if (!(expected instanceof String token) || given == null
                || !MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(Replies.error(IrspException.field(RetCode.FORBIDDEN, HEADER, "missing or wrong " + HEADER + " token")));
        }
    }
}
