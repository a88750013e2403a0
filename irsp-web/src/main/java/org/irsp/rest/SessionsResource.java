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
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.irsp.codes.IrspException;
import org.irsp.codes.Timestamps;
import org.irsp.protocol.JsonFields;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.session.boundary.Logins;
import org.irsp.session.boundary.LoginRequest;
import org.irsp.session.boundary.LoginResult;
import org.irsp.session.boundary.Sessions;

/** §8 login (POST /sessions), device challenge (POST /sessions/challenge), logout/kick (DELETE /sessions/{connId}). */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    private static final int ANY = Integer.MAX_VALUE;

    @Inject Logins logins;
    @Inject Sessions sessions;
    @Inject Clock clock;
    @Context HttpServletRequest http;
    @Context ContainerRequestContext request;

    @POST
    public CompletionStage<Response> login(String body) {
        JsonFields f = JsonFields.parse(body);
        EntityType type = EntityType.ofWire(f.enumValue("type", Set.of("user", "device")));
        EntityRef entity = entity(f, type);
        LoginRequest r;
        if (type == EntityType.USER) {
            refuse(f, "secret", "nonce", "proof");
            r = new LoginRequest(entity, f.string("password", 0, ANY), null, null, null);
        } else if (f.has("secret")) {
            refuse(f, "password", "nonce", "proof");
            r = new LoginRequest(entity, null, f.string("secret", 0, ANY), null, null);
        } else {
            refuse(f, "password");
            r = new LoginRequest(entity, null, null, f.string("nonce", 1, 64), f.string("proof", 1, 64));
        }
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
        JsonFields f = JsonFields.parse(body);
        f.enumValue("type", Set.of("device"));
        var c = logins.challenge(entity(f, EntityType.DEVICE));
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

    private static EntityRef entity(JsonFields f, EntityType type) {
        return EntityRef.parse(type, f.string("id", 1, ANY))
                .orElseThrow(() -> IrspException.badField("id", "not a valid " + type.wire() + " ID"));
    }

    /** §8.1 400: a credential field that does not belong to this type of login. */
    private static void refuse(JsonFields f, String... names) {
        for (String name : names) {
            if (f.has(name)) {
                throw IrspException.badField(name, name + " does not apply to this login");
            }
        }
    }
}
