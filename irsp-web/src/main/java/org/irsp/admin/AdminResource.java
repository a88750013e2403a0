package org.irsp.admin;

import org.irsp.protocol.PushFrames;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.irsp.audit.boundary.AuditTrail;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.IrspException;
import org.irsp.codes.Timestamps;
import org.irsp.codes.Wire;
import org.irsp.messaging.boundary.OfflineDeliveries;
import org.eclipse.microprofile.health.Readiness;
import org.irsp.operations.BrokerReadiness;
import org.irsp.operations.DatabaseReadiness;
import org.irsp.presence.boundary.Presences;
import org.irsp.protocol.ConnectionRegistry;
import org.irsp.registration.boundary.AccountAdministration;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.session.boundary.Sessions;
import java.lang.management.ManagementFactory;
import org.irsp.cluster.control.Node;
import org.irsp.telemetry.control.Build;

/**
 * The console's operations: health at a glance, account lookup with presence, connections, relationships
 * and offline-queue depth, disable/enable, kick, and the audit log. Every change is audited under the
 * administrator's name.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject AccountAdministration accounts;
    @Inject Sessions sessions;
    @Inject Presences presences;
    @Inject RelationshipStore relationships;
    @Inject OfflineDeliveries offline;
    @Inject AuditTrail auditTrail;
    @Inject AuditLog audit;
    @Inject ConnectionRegistry connections;
    @Inject Node node;
    @Inject Build build;
    @Inject @Readiness DatabaseReadiness database;
    @Inject @Readiness BrokerReadiness broker;
    @Context SecurityContext caller;
    @Context HttpServletRequest request;

    @GET
    @Path("overview")
    public JsonObject overview() {
        return Wire.JSON.createObjectBuilder().add("database", database.call().getStatus().name())
                .add("broker", broker.call().getStatus().name()).add("connectionsOpen", connections.openCount())
                .add("connectionsBound", connections.boundCount()).add("admin", caller.getUserPrincipal().getName())
                .add("node", node.name()).add("version", build.version())
                .add("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .add("csrfToken", String.valueOf(request.getSession().getAttribute(AdminLogin.CSRF_TOKEN))).build();
    }

    /** Signs out: the session and its CSRF token end, audited. */
    @POST
    @Path("logout")
    public JsonObject logout() throws ServletException {
        audit.record("admin:" + caller.getUserPrincipal().getName(), request.getRemoteAddr(), "admin.logout", 200, null);
        request.logout();
        request.getSession().invalidate();
        return Wire.JSON.createObjectBuilder().add("signedOut", true).build();
    }

    @GET
    @Path("accounts")
    public JsonObject search(@QueryParam("q") @DefaultValue("") String prefix, @QueryParam("type") String type) {
        EntityType t = type == null || type.isBlank() ? null : entityType(type);
        JsonArrayBuilder found = Wire.JSON.createArrayBuilder();
        for (Account a : accounts.search(prefix, t, 50)) {
            found.add(summary(a));
        }
        return Wire.JSON.createObjectBuilder().add("accounts", found).build();
    }

    @GET
    @Path("accounts/{type}/{id}")
    public JsonObject account(@PathParam("type") String type, @PathParam("id") String id) {
        Account a = accounts.get(ref(type, id));
        EntityRef e = a.ref();
        JsonArrayBuilder related = Wire.JSON.createArrayBuilder();
        relationships.of(e).forEach(r -> {
            JsonObjectBuilder item = Wire.JSON.createObjectBuilder().add("relationshipId", r.id()).add("kind", r.kind().wire())
                    .add("peer", PushFrames.address(r.peerOf(e))).add("role", r.role().wire());
            if (r.rights() != null) {
                item.add("rights", r.rights());
            }
            related.add(item);
        });
        return Wire.JSON.createObjectBuilder(summary(a))
                .add("connections", Wire.JSON.createArrayBuilder(presences.connIds(e)))
                .add("relationships", related)
                .add("offlineItems", offline.depth(e)).build();
    }

    @POST
    @Path("accounts/{type}/{id}/{action}")
    public JsonObject act(@PathParam("type") String type, @PathParam("id") String id, @PathParam("action") String action) {
        EntityRef e = accounts.get(ref(type, id)).ref();
        String admin = caller.getUserPrincipal().getName();
        switch (action) {
            case "disable" -> accounts.disable(e, admin, request.getRemoteAddr());
            case "enable" -> accounts.enable(e, admin, request.getRemoteAddr());
            case "kick" -> sessions.kickAll(e, admin, request.getRemoteAddr());
            default -> throw new WebApplicationException(404);
        }
        return account(type, id);
    }

    @GET
    @Path("audit")
    public JsonObject audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        JsonArrayBuilder records = Wire.JSON.createArrayBuilder();
        auditTrail.search(actor, action, Math.max(1, Math.min(limit, 500))).forEach(r -> {
            JsonObjectBuilder item = Wire.JSON.createObjectBuilder().add("at", Timestamps.format(r.at()))
                    .add("actor", r.actor() == null ? "" : r.actor()).add("action", r.action()).add("outcome", r.outcome());
            if (r.clientIp() != null) {
                item.add("clientIp", r.clientIp());
            }
            if (r.detail() != null) {
                item.add("detail", r.detail());
            }
            records.add(item);
        });
        return Wire.JSON.createObjectBuilder().add("records", records).build();
    }

    private JsonObject summary(Account a) {
        EntityRef e = a.ref();
        JsonObjectBuilder s = Wire.JSON.createObjectBuilder().add("type", e.type().wire()).add("id", e.id())
                .add("status", a.status().name().toLowerCase()).add("createdAt", Timestamps.format(a.createdAt()))
                .add("presence", presences.isOnline(e) ? "online" : "offline").add("connCount", presences.connIds(e).size());
        if (a instanceof DeviceAccount d && d.owner() != null) {
            s.add("owner", d.owner());
        }
        return s.build();
    }

    private static EntityRef ref(String type, String id) {
        EntityType t = entityType(type);
        return EntityRef.parse(t, id).orElseThrow(() -> new WebApplicationException(404));
    }

    private static EntityType entityType(String type) {
        if (!Set.of("user", "device").contains(type)) {
            throw new WebApplicationException(404);
        }
        return EntityType.ofWire(type);
    }
}
