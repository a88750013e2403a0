package org.irsp.admin;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.irsp.cluster.control.Node;
import org.irsp.codes.Timestamps;
import org.irsp.codes.Wire;

/** The dashboard's series: this node's samples over the last hour, oldest first. */
@Path("dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardConsole {

    @Inject Dashboard dashboard;
    @Inject Node node;

    @GET
    public JsonObject history() {
        JsonArrayBuilder samples = Wire.JSON.createArrayBuilder();
        for (Dashboard.Sample s : dashboard.history()) {
            JsonObjectBuilder o = Wire.JSON.createObjectBuilder().add("at", Timestamps.format(s.at()))
                    .add("connectionsBound", s.connectionsBound()).add("connectionsOpen", s.connectionsOpen())
                    .add("queuedFrames", s.queuedFrames()).add("logins", s.logins()).add("loginFailures", s.loginFailures())
                    .add("forwarded", s.forwarded()).add("stored", s.stored()).add("refused", s.refused())
                    .add("expired", s.expired()).add("framesIn", s.framesIn()).add("framesOut", s.framesOut());
            if (s.offlineItems() != null) {
                o.add("offlineItems", s.offlineItems());
            }
            if (s.deadItems() != null) {
                o.add("deadItems", s.deadItems());
            }
            addSeconds(o, "latencyP50", s.latencyP50());
            addSeconds(o, "latencyP95", s.latencyP95());
            addSeconds(o, "latencyP99", s.latencyP99());
            samples.add(o);
        }
        return Wire.JSON.createObjectBuilder().add("node", node.name()).add("sampleSeconds", dashboard.sampleSeconds())
                .add("samples", samples).build();
    }

    private static void addSeconds(JsonObjectBuilder o, String name, Double seconds) {
        if (seconds != null) {
            o.add(name, seconds);
        }
    }
}
