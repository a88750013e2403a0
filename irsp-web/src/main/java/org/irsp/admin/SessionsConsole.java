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
import java.time.Duration;
import java.time.Instant;
import org.irsp.cluster.control.Node;
import org.irsp.codes.Timestamps;
import org.irsp.codes.Wire;
import org.irsp.protocol.Connection;
import org.irsp.protocol.ConnectionRegistry;
import org.irsp.protocol.PushFrames;
import org.irsp.session.boundary.Sessions;
import org.irsp.session.entity.LoginSession;

/**
 * The console's list of live sessions across the cluster (from the database), newest first: entity,
 * connId, client address, login and bind times, the node holding the WebSocket; for those bound on this
 * node also the presence, the seconds since the last frame (heartbeat or other) and the frames waiting
 * to be written. One session can be kicked, with a reason.
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsConsole {

    @Inject Sessions sessions;
    @Inject ConnectionRegistry connections;
    @Inject Administrator administrator;
    @Inject Node node;

    @GET
    public JsonObject list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(size, 200));
        Sessions.LiveSessions live = sessions.live(p, s);
        JsonArrayBuilder rows = Wire.JSON.createArrayBuilder();
        long nowNanos = System.nanoTime();
        live.sessions().forEach(session -> rows.add(row(session, connections.bound(session.connId()), nowNanos)));
        return Wire.JSON.createObjectBuilder().add("sessions", rows).add("total", live.total()).add("page", p).add("size", s)
                .add("more", (long) (p + 1) * s < live.total()).add("node", node.name()).build();
    }

    @POST
    @Path("{connId}/kick")
    public JsonObject kick(@PathParam("connId") String connId, String body) {
        sessions.kick(connId, administrator.acting(body, true));
        return Wire.JSON.createObjectBuilder().add("connId", connId).add("ended", true).build();
    }

    private static JsonObjectBuilder row(LoginSession s, Connection here, long nowNanos) {
        JsonObjectBuilder r = Wire.JSON.createObjectBuilder().add("entity", PushFrames.address(s.entity()))
                .add("connId", s.connId()).add("since", Timestamps.format(s.createdAt()));
        PushFrames.addIfPresent(r, "clientAddress", s.clientAddress());
        Instant bound = s.boundAt();
        if (bound != null) {
            r.add("boundAt", Timestamps.format(bound));
            PushFrames.addIfPresent(r, "node", s.boundNode());
        } else {
            r.add("lastUsedAt", Timestamps.format(s.lastUsedAt()));
        }
        if (here != null) {
            r.add("presence", here.presence()).add("queuedFrames", here.queuedFrames())
                    .add("lastFrameSecondsAgo", Duration.ofNanos(nowNanos - here.lastInboundNanos()).toSeconds());
        }
        return r;
    }
}
