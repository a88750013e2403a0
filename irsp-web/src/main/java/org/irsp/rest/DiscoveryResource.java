package org.irsp.rest;

import org.irsp.codes.Wire;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import org.irsp.presence.boundary.Discovery;
import org.irsp.protocol.DiscoveryJson;
import org.irsp.protocol.JsonFields;

/** §13 over REST: GET /search?id=&q=&type=&deviceType=&serviceType=&page=&size=, GET /status?ids=a,b. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DiscoveryResource {

    @Inject Discovery discovery;
    @Context UriInfo uri;
    @Context ContainerRequestContext request;

    @GET
    @Path("search")
    public Response search() {
        JsonObjectBuilder params = Wire.JSON.createObjectBuilder();
        uri.getQueryParameters().forEach((name, values) -> {
            String v = values.get(0);
            if ((name.equals("page") || name.equals("size")) && v.matches("-?\\d{1,10}")) {
                params.add(name, Long.parseLong(v));
            } else {
                params.add(name, v);
            }
        });
        var query = DiscoveryJson.search(JsonFields.of(params.build(), ""));
        var found = discovery.search(AuthenticationFilter.caller(request).entity(), query);
        return Replies.ok(Wire.JSON.createObjectBuilder(DiscoveryJson.page(found, query)));
    }

    @GET
    @Path("status")
    public Response status(@QueryParam("ids") String ids) {
        List<String> list = ids == null || ids.isBlank() ? List.of()
                : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        var results = discovery.status(AuthenticationFilter.caller(request).entity(), DiscoveryJson.ids(list, "ids"));
        return Replies.ok(Wire.JSON.createObjectBuilder(DiscoveryJson.status(results)));
    }
}
