package org.irsp.rest;

import org.irsp.codes.Wire;
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
import org.irsp.protocol.CodeJson;
import org.irsp.protocol.RightsJson;
import org.irsp.verification.boundary.VerificationCodes;
import org.irsp.rights.boundary.DeviceRights;
import org.irsp.registration.boundary.AccountRecords;
import org.irsp.registration.boundary.Registrations;
import org.irsp.registration.entity.EntityRef;

/** §7 device accounts: POST /devices, GET/PATCH/DELETE /devices/{deviceId}, PUT /devices/{deviceId}/secret. */
@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {


    @Inject Registrations registrations;
    @Inject AccountRecords records;
    @Inject DeviceRights rights;
    @Inject VerificationCodes codes;
    @Inject ServerIdentity identity;
    @Inject Clock clock;
    @Context HttpServletRequest http;
    @Context UriInfo uri;
    @Context ContainerRequestContext request;

    @POST
    public Response register(String body) {
        registrations.admit(http.getRemoteAddr());
        var registered = registrations.registerDevice(RestBodies.deviceRegistration(JsonFields.parse(body)), http.getRemoteAddr());
        var reply = AccountJson.registered("deviceId", registered.entity().id(), identity.domain(), clock.instant(), uri);
        if (registered.generatedVerificationCode() != null) {
            reply.add("verificationCode", registered.generatedVerificationCode());
        }
        return Replies.ok(reply);
    }

    @GET
    @Path("{deviceId}")
    @Authenticated
    public Response read(@PathParam("deviceId") String deviceId) {
        return Replies.ok(AccountJson.record(records.read(device(deviceId), caller())));
    }

    @PATCH
    @Path("{deviceId}")
    @Authenticated
    public Response patch(@PathParam("deviceId") String deviceId, String body) {
        var p = RestBodies.devicePatch(JsonFields.parse(body));
        return Replies.ok(AccountJson.record(records.patch(device(deviceId), caller(), p)));
    }

    @DELETE
    @Path("{deviceId}")
    @Authenticated
    public Response delete(@PathParam("deviceId") String deviceId) {
        registrations.delete(device(deviceId), caller(), http.getRemoteAddr());
        return Replies.ok();
    }

    @PUT
    @Path("{deviceId}/secret")
    @Authenticated
    public Response changeSecret(@PathParam("deviceId") String deviceId, String body) {
        var change = RestBodies.credentialChange(JsonFields.parse(body), "oldSecret", "newSecret");
        records.changeCredential(device(deviceId), caller(), change.oldCredential(), change.newCredential(),
                http.getRemoteAddr());
        return Replies.ok();
    }

    @GET
    @Path("{deviceId}/rights")
    @Authenticated
    public Response rights(@PathParam("deviceId") String deviceId) {
        return Replies.ok(Wire.JSON.createObjectBuilder(RightsJson.view(rights.query(caller(), device(deviceId)))));
    }

    @PUT
    @Path("{deviceId}/rights")
    @Authenticated
    public Response configureRights(@PathParam("deviceId") String deviceId, String body) {
        var config = RightsJson.config(JsonFields.parse(body));
        return Replies.ok(Wire.JSON.createObjectBuilder(RightsJson.view(rights.configure(caller(), device(deviceId), config))));
    }

    /** §10.5 over REST: reset semantics when the device itself calls, modify semantics otherwise. */
    @PUT
    @Path("{deviceId}/verification-code")
    @Authenticated
    public Response changeCode(@PathParam("deviceId") String deviceId, String body) {
        var change = RestBodies.codeChange(JsonFields.parse(body));
        String newCode = change.newCode();
        boolean releaseAll = change.releaseAll();
        EntityRef device = device(deviceId);
        if (caller().equals(device)) {
            return Replies.ok(Wire.JSON.createObjectBuilder(CodeJson.reset(codes.reset(caller(), newCode, releaseAll))));
        }
        if (releaseAll) {
            throw new IrspException(RetCode.FORBIDDEN, "releaseAll is for the device itself");
        }
        return Replies.ok(Wire.JSON.createObjectBuilder(CodeJson.modified(codes.modify(caller(), device, newCode))));
    }

    private EntityRef caller() {
        return AuthenticationFilter.caller(request).entity();
    }

    private static EntityRef device(String raw) {
        return EntityRef.canonicalDeviceId(raw).map(EntityRef::device)
                .orElseThrow(() -> new IrspException(RetCode.NOT_FOUND, "unknown device"));
    }
}
