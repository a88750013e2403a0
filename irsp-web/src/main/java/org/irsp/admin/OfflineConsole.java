package org.irsp.admin;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.irsp.codes.Timestamps;
import org.irsp.codes.Wire;
import org.irsp.messaging.boundary.OfflineAdministration;
import org.irsp.messaging.entity.StoredView;
import org.irsp.protocol.PushFrames;
import org.irsp.registration.boundary.AccountAdministration;
import org.irsp.registration.entity.EntityRef;

/**
 * The console's view of an account's offline queue: metadata; the stored frames only through {@code read},
 * with a reason, audited; and its purge, with a reason.
 */
@Path("accounts/{type}/{id}/offline")
@Produces(MediaType.APPLICATION_JSON)
public class OfflineConsole {

    static final int MAX_LIMIT = 200;

    @Inject OfflineAdministration offline;
    @Inject AccountAdministration accounts;
    @Inject Administrator administrator;

    @GET
    public JsonObject look(@PathParam("type") String type, @PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return listing(offline.look(entity(type, id), bounded(limit)));
    }

    @POST
    @Path("read")
    public JsonObject read(@PathParam("type") String type, @PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("50") int limit, String body) {
        EntityRef e = entity(type, id);
        return listing(offline.read(e, bounded(limit), administrator.acting(body, true)));
    }

    @POST
    @Path("purge")
    public JsonObject purge(@PathParam("type") String type, @PathParam("id") String id, String body) {
        EntityRef e = entity(type, id);
        return Wire.JSON.createObjectBuilder().add("purged", offline.purge(e, administrator.acting(body, true))).build();
    }

    private EntityRef entity(String type, String id) {
        return accounts.get(AccountsConsole.ref(type, id)).ref();
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    static JsonObject listing(OfflineAdministration.Listing listing) {
        JsonArrayBuilder items = Wire.JSON.createArrayBuilder();
        listing.items().forEach(v -> items.add(item(v)));
        return Wire.JSON.createObjectBuilder().add("depth", listing.depth()).add("items", items).build();
    }

    private static JsonObjectBuilder item(StoredView v) {
        JsonObjectBuilder o = Wire.JSON.createObjectBuilder();
        PushFrames.addIfPresent(o, "deliveryId", v.deliveryId());
        PushFrames.addIfPresent(o, "kind", v.kind() == null ? null : v.kind().toLowerCase());
        PushFrames.addIfPresent(o, "recipient", v.recipient());
        PushFrames.addIfPresent(o, "sender", v.sender());
        o.add("storedAt", Timestamps.format(v.storedAt()));
        if (v.expiresAt() != null) {
            o.add("expiresAt", Timestamps.format(v.expiresAt()));
        }
        o.add("sizeBytes", v.sizeBytes());
        PushFrames.addIfPresent(o, "deadReason", v.deadReason());
        PushFrames.addIfPresent(o, "originalAddress", v.originalAddress());
        PushFrames.addIfPresent(o, "frame", v.text());
        return o;
    }
}
