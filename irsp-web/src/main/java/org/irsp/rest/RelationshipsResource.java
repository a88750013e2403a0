package org.irsp.rest;

import org.irsp.codes.Wire;
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
import org.irsp.codes.Timestamps;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.RelationshipJson;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.boundary.Established;
import org.irsp.relationship.boundary.Relationships;
import org.irsp.relationship.boundary.Releases;
import org.irsp.relationship.entity.Kind;

/** §10 over REST: POST /relationships (establish), GET /relationships?kind= (list), DELETE /relationships/{id}. */
@Path("relationships")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RelationshipsResource {

    @Inject Relationships relationships;
    @Inject Releases releases;
    @Context ContainerRequestContext request;

    @POST
    public Response establish(String body) {
        Established e = relationships.establish(caller(), RelationshipJson.establish(JsonFields.parse(body)));
        if (e.pending()) {
            return Replies.accepted(Wire.JSON.createObjectBuilder().add("requestId", e.requestId())
                    .add("expiresAt", Timestamps.format(e.expiresAt())));
        }
        return Replies.ok(Wire.JSON.createObjectBuilder(RelationshipJson.created(e.relationship())));
    }

    @GET
    public Response list(@QueryParam("kind") String kind) {
        Kind k = null;
        if (kind != null) {
            k = Kind.ofWire(kind).orElseThrow(() -> IrspException.badField("kind", "kind must be one of " + RelationshipJson.KINDS));
        }
        var items = Wire.JSON.createArrayBuilder();
        relationships.list(caller(), k).forEach(l -> items.add(RelationshipJson.item(l)));
        return Replies.ok(Wire.JSON.createObjectBuilder().add("items", items));
    }

    @DELETE
    @Path("{relationshipId}")
    public Response release(@PathParam("relationshipId") String relationshipId) {
        releases.release(caller(), relationshipId, null, null);
        return Replies.ok();
    }

    private EntityRef caller() {
        return AuthenticationFilter.caller(request).entity();
    }
}
