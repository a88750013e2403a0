package org.irsp.admin;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.irsp.codes.Wire;
import org.irsp.messaging.boundary.OfflineAdministration;

/** The console's dead letters ({@code irsp.dead}): how many, the first ones (metadata), and their purge with a reason. */
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersConsole {

    @Inject OfflineAdministration offline;
    @Inject Administrator administrator;

    @GET
    public JsonObject deadLetters(@QueryParam("limit") @DefaultValue("50") int limit) {
        return OfflineConsole.listing(offline.deadLetters(Math.max(1, Math.min(limit, OfflineConsole.MAX_LIMIT))));
    }

    @POST
    @Path("purge")
    public JsonObject purge(String body) {
        return Wire.JSON.createObjectBuilder().add("purged", offline.purgeDeadLetters(administrator.acting(body, true))).build();
    }
}
