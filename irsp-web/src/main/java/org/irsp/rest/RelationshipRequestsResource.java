package org.irsp.rest;

import org.irsp.codes.Wire;
import org.irsp.codes.Timestamps;
import org.irsp.protocol.PushFrames;
import org.irsp.relationship.boundary.RequestNotices;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.irsp.codes.IrspException;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.RelationshipJson;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.boundary.RelationshipRequests;

/**
 * §10.3–10.4 over REST: GET /relationship-requests?box=incoming|outgoing, POST /relationship-requests/{id}
 * {"decision":"accept|reject",…}, DELETE /relationship-requests/{id} (withdraw).
 */
@Path("relationship-requests")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RelationshipRequestsResource {

    @Inject RelationshipRequests requests;
    @Context ContainerRequestContext request;

    @GET
    public Response pending(@QueryParam("box") String box) {
        if (box != null && !box.equals("incoming") && !box.equals("outgoing")) {
            throw IrspException.badField("box", "box must be incoming or outgoing");
        }
        var items = Wire.JSON.createArrayBuilder();
        requests.pending(caller(), !"outgoing".equals(box)).forEach(r -> items.add(
                PushFrames.request(RequestNotices.notice(r)).add("createdAt", Timestamps.format(r.createdAt()))));
        return Replies.ok(Wire.JSON.createObjectBuilder().add("items", items));
    }

    @POST
    @Path("{requestId}")
    public Response answer(@PathParam("requestId") String requestId, String body) {
        JsonFields f = JsonFields.parse(body);
        boolean accept = RestBodies.accepts(f);
        var withId = JsonFields.of(Wire.JSON.createObjectBuilder(f.object()).add("requestId", requestId).build(), "");
        var ruling = requests.answer(caller(), RelationshipJson.answer(withId, accept));
        return Replies.ok(Wire.JSON.createObjectBuilder(RelationshipJson.answered(ruling, accept)));
    }

    @DELETE
    @Path("{requestId}")
    public Response withdraw(@PathParam("requestId") String requestId) {
        requests.withdraw(caller(), requestId);
        return Replies.ok();
    }

    private EntityRef caller() {
        return AuthenticationFilter.caller(request).entity();
    }
}
