package org.irsp.admin;


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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.irsp.audit.boundary.AuditTrail;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.Timestamps;
import org.irsp.codes.Wire;
import org.eclipse.microprofile.health.Readiness;
import org.irsp.operations.BrokerReadiness;
import org.irsp.operations.DatabaseReadiness;
import org.irsp.protocol.ConnectionRegistry;
import java.lang.management.ManagementFactory;
import org.irsp.cluster.control.Node;
import org.irsp.telemetry.control.Build;

/**
 * The console's overview (health, connections, node, version, uptime, the page's CSRF token), sign-out
 * and the audit log. Accounts, sessions and the dashboard have resources of their own.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

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
}
