package org.irsp.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.protocol.JsonFields;
import org.irsp.registration.boundary.AccountRecords;
import org.irsp.registration.boundary.Registrations;
import org.irsp.registration.entity.EntityRef;

/** §7 user accounts: POST /users, GET/PATCH/DELETE /users/{userId}, PUT /users/{userId}/password. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject Registrations registrations;
    @Inject AccountRecords records;
    @Inject ServerIdentity identity;
    @Inject Clock clock;
    @Context HttpServletRequest http;
    @Context UriInfo uri;
    @Context ContainerRequestContext request;

    @POST
    public Response register(String body) {
        registrations.admit(http.getRemoteAddr());
        var registered = registrations.registerUser(RestBodies.userRegistration(JsonFields.parse(body)), http.getRemoteAddr());
        return Replies.ok(AccountJson.registered("userId", registered.entity().id(), identity.domain(), clock.instant(), uri));
    }

    @GET
    @Path("{userId}")
    @Authenticated
    public Response read(@PathParam("userId") String userId) {
        return Replies.ok(AccountJson.record(records.read(user(userId), caller())));
    }

    @PATCH
    @Path("{userId}")
    @Authenticated
    public Response patch(@PathParam("userId") String userId, String body) {
        var p = RestBodies.userPatch(JsonFields.parse(body));
        return Replies.ok(AccountJson.record(records.patch(user(userId), caller(), p)));
    }

    @DELETE
    @Path("{userId}")
    @Authenticated
    public Response delete(@PathParam("userId") String userId) {
        registrations.delete(user(userId), caller(), http.getRemoteAddr());
        return Replies.ok();
    }

    @PUT
    @Path("{userId}/password")
    @Authenticated
    public Response changePassword(@PathParam("userId") String userId, String body) {
        var change = RestBodies.credentialChange(JsonFields.parse(body), "oldPassword", "newPassword");
        records.changeCredential(user(userId), caller(), change.oldCredential(), change.newCredential(), http.getRemoteAddr());
        return Replies.ok();
    }

    private EntityRef caller() {
        return AuthenticationFilter.caller(request).entity();
    }

    private static EntityRef user(String raw) {
        return EntityRef.canonicalUserId(raw).map(EntityRef::user)
                .orElseThrow(() -> new IrspException(RetCode.NOT_FOUND, "unknown user"));
    }
}
