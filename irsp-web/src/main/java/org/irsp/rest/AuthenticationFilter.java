package org.irsp.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.irsp.codes.IrspException;
import org.irsp.session.boundary.Caller;
import org.irsp.session.boundary.Sessions;
import jakarta.ejb.EJBException;

/** §5.1 401: resolves the bearer token of {@link Authenticated} endpoints to the calling entity. */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    static final String CALLER = "irsp.caller";

    @Inject
    Sessions sessions;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        try {
            request.setProperty(CALLER, sessions.authenticate(token));
        } catch (IrspException | EJBException e) {
            request.abortWith(Replies.error(ErrorMapper.toIrsp(e)));
        }
    }

    static Caller caller(ContainerRequestContext request) {
        return (Caller) request.getProperty(CALLER);
    }
}
