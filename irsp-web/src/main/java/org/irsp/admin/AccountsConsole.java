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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.irsp.audit.entity.Operator;
import org.irsp.codes.IrspException;
import org.irsp.codes.Wire;
import org.irsp.messaging.boundary.OfflineDeliveries;
import org.irsp.presence.boundary.Presences;
import org.irsp.protocol.PushFrames;
import org.irsp.registration.boundary.AccountAdministration;
import org.irsp.registration.boundary.AccountPage;
import org.irsp.registration.boundary.AccountQuery;
import org.irsp.registration.boundary.AccountSearch;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.rest.RestBodies;
import org.irsp.session.boundary.Sessions;
import org.irsp.verification.boundary.VerificationCodes;

/**
 * The console's accounts: search with paging, one account in full (presence, connections,
 * relationships with named rights, pending requests both ways, offline-queue depth), create, and the
 * actions disable, enable, kick, unlock, reset-secret and reset-code; the destructive ones need a reason.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsConsole {

    @Inject AccountSearch search;
    @Inject AccountAdministration accounts;
    @Inject VerificationCodes codes;
    @Inject Sessions sessions;
    @Inject Presences presences;
    @Inject RelationshipStore relationships;
    @Inject OfflineDeliveries offline;
    @Inject Administrator administrator;
    @Inject Clock clock;

    @GET
    public JsonObject search(@QueryParam("q") String text, @QueryParam("type") String type,
            @QueryParam("deviceType") String deviceType, @QueryParam("owner") String owner,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        EntityType t = type == null || type.isBlank() ? null : entityType("type", type);
        AccountQuery q = new AccountQuery(text, t, deviceType, owner, page, size);
        AccountPage found = search.find(q);
        JsonArrayBuilder rows = Wire.JSON.createArrayBuilder();
        for (Account a : found.accounts()) {
            EntityRef e = a.ref();
            rows.add(AccountView.summary(a).add("presence", presences.isOnline(e) ? "online" : "offline")
                    .add("connCount", presences.connIds(e).size()));
        }
        return Wire.JSON.createObjectBuilder().add("accounts", rows).add("total", found.total()).add("page", q.page())
                .add("size", q.size()).add("more", (long) (q.page() + 1) * q.size() < found.total()).build();
    }

    @GET
    @Path("{type}/{id}")
    public JsonObject account(@PathParam("type") String type, @PathParam("id") String id) {
        Account a = accounts.get(ref(type, id));
        EntityRef e = a.ref();
        JsonArrayBuilder related = Wire.JSON.createArrayBuilder();
        relationships.of(e).forEach(r -> related.add(AccountView.relationship(r, e)));
        JsonArrayBuilder incoming = Wire.JSON.createArrayBuilder();
        relationships.pendingTargeting(List.of(e.id())).forEach(r -> incoming.add(AccountView.request(r)));
        JsonArrayBuilder outgoing = Wire.JSON.createArrayBuilder();
        relationships.pendingBy(e).forEach(r -> outgoing.add(AccountView.request(r)));
        return AccountView.record(a, clock.instant())
                .add("presence", presences.isOnline(e) ? "online" : "offline")
                .add("connections", Wire.JSON.createArrayBuilder(presences.connIds(e)))
                .add("relationships", related)
                .add("pendingRequests", Wire.JSON.createObjectBuilder().add("incoming", incoming).add("outgoing", outgoing))
                .add("offlineItems", offline.depth(e)).build();
    }

    /** Creates a user ({@code type: user}, as POST /users) or a device (as POST /devices, the secret may be left out). */
    @POST
    public JsonObject create(String body) {
        var f = Administrator.fields(body);
        Operator by = administrator.acting(f.optionalString("reason", 0, Administrator.MAX_REASON).orElse(null));
        if ("user".equals(f.enumValue("type", Set.of("user", "device")))) {
            var made = accounts.createUser(RestBodies.userRegistration(f), by);
            return account("user", made.entity().id());
        }
        var made = accounts.createDevice(RestBodies.deviceRegistration(f, false), by);
        JsonObjectBuilder reply = Wire.JSON.createObjectBuilder(account("device", made.registered().entity().id()));
        if (made.generatedSecret() != null) {
            reply.add("secret", made.generatedSecret());
        }
        if (made.registered().generatedVerificationCode() != null) {
            reply.add("verificationCode", made.registered().generatedVerificationCode());
        }
        return reply.build();
    }

    @POST
    @Path("{type}/{id}/{action}")
    public JsonObject act(@PathParam("type") String type, @PathParam("id") String id, @PathParam("action") String action,
            String body) {
        EntityRef e = accounts.get(ref(type, id)).ref();
        if (!Set.of("disable", "enable", "kick", "unlock", "reset-secret", "reset-code").contains(action)) {
            throw new WebApplicationException(404);
        }
        Operator by = administrator.acting(body, Administrator.destructive(action));
        String secret = null;
        String code = null;
        switch (action) {
            case "disable" -> accounts.disable(e, by);
            case "enable" -> accounts.enable(e, by);
            case "kick" -> sessions.kickAll(e, by);
            case "unlock" -> accounts.unlock(e, by);
            case "reset-secret" -> secret = accounts.resetSecret(e, by);
            default -> code = deviceCode(e, by);
        }
        JsonObjectBuilder reply = Wire.JSON.createObjectBuilder(account(type, id));
        PushFrames.addIfPresent(reply, "secret", secret);
        PushFrames.addIfPresent(reply, "verificationCode", code);
        return reply.build();
    }

    private String deviceCode(EntityRef e, Operator by) {
        if (e.type() != EntityType.DEVICE) {
            throw IrspException.badField("type", "only a device has a verification code");
        }
        return codes.byAdministrator(e, by).generatedCode();
    }

    static EntityRef ref(String type, String id) {
        if (!Set.of("user", "device").contains(type)) {
            throw new WebApplicationException(404);
        }
        return EntityRef.parse(EntityType.ofWire(type), id).orElseThrow(() -> new WebApplicationException(404));
    }

    private static EntityType entityType(String field, String type) {
        if (!Set.of("user", "device").contains(type)) {
            throw IrspException.badField(field, "type is user or device");
        }
        return EntityType.ofWire(type);
    }
}
