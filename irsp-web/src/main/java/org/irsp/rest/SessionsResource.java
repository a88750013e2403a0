package org.irsp.rest;

import org.irsp.codes.Wire;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.irsp.codes.Timestamps;
import org.irsp.protocol.JsonFields;
import org.irsp.session.boundary.Logins;
import org.irsp.session.boundary.LoginRequest;
import org.irsp.session.boundary.LoginResult;
import org.irsp.session.boundary.Sessions;

/** §8 login (POST /sessions), device challenge (POST /sessions/challenge), logout/kick (DELETE /sessions/{connId}). */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {


    @Inject Logins logins;
    @Inject Sessions sessions;
    @Inject Clock clock;
    @Context HttpServletRequest http;
    @Context ContainerRequestContext request;

    @POST
    public CompletionStage<Response> login(String body) {
        LoginRequest r = RestBodies.login(JsonFields.parse(body));
        String ip = http.getRemoteAddr();
        return logins.login(r, ip).thenApply(this::reply);
    }

    private Response reply(LoginResult s) {
        return Replies.ok(Wire.JSON.createObjectBuilder()
                .add("type", s.entity().type().wire())
                .add("id", s.entity().id())
                .add("connId", s.connId())
                .add("token", s.token())
                .add("heartbeatSeconds", s.heartbeatSeconds())
                .add("bindWithinSeconds", s.bindWithinSeconds())
                .add("serverTime", Timestamps.format(clock.instant())));
    }

    @POST
    @Path("challenge")
    public Response challenge(String body) {
        var c = logins.challenge(RestBodies.challenge(JsonFields.parse(body)));
        return Replies.ok(Wire.JSON.createObjectBuilder()
                .add("nonce", c.nonce())
                .add("salt", c.salt())
                .add("iterations", c.iterations())
                .add("algorithm", c.algorithm())
                .add("expiresIn", c.expiresIn()));
    }

    @DELETE
    @Path("{connId}")
    @Authenticated
    public Response delete(@PathParam("connId") String connId) {
        sessions.delete(connId, AuthenticationFilter.caller(request), http.getRemoteAddr());
        return Replies.ok();
    }
}
