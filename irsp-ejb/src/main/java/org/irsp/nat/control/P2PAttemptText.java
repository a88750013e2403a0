package org.irsp.nat.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.irsp.nat.entity.Candidate;
import org.irsp.nat.entity.P2PAttempt;
import org.irsp.nat.entity.P2PAttempt.Report;
import org.irsp.nat.entity.P2PAttempt.Snapshot;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/** A P2P attempt as the data grid holds it: its {@link Snapshot} as a JSON object (nothing of IRSP's classes crosses the grid). */
final class P2PAttemptText {

    private P2PAttemptText() {}

    static String write(P2PAttempt attempt) {
        Snapshot s = attempt.snapshot();
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("requestId", s.requestId()).add("sessionKey", s.sessionKey())
                .add("requester", entity(s.requester())).add("requesterConnId", s.requesterConnId())
                .add("requesterMsgId", s.requesterMsgId()).add("peer", entity(s.peer()))
                .add("notified", Json.createArrayBuilder(new TreeSet<>(s.notified())))
                .add("answerDeadline", s.answerDeadline().toString()).add("state", s.state().name());
        if (s.settledAt() != null) {
            o.add("settledAt", s.settledAt().toString());
        }
        if (s.requesterReport() != null) {
            o.add("requesterReport", report(s.requesterReport()));
        }
        if (s.peerReport() != null) {
            o.add("peerReport", report(s.peerReport()));
        }
        return o.build().toString();
    }

    static P2PAttempt read(String text) {
        JsonObject o = Json.createReader(new StringReader(text)).readObject();
        Set<String> notified = new HashSet<>();
        o.getJsonArray("notified").getValuesAs(jakarta.json.JsonString.class).forEach(c -> notified.add(c.getString()));
        return new P2PAttempt(new Snapshot(o.getString("requestId"), o.getString("sessionKey"),
                entity(o.getJsonObject("requester")), o.getString("requesterConnId"), o.getString("requesterMsgId"),
                entity(o.getJsonObject("peer")), notified, Instant.parse(o.getString("answerDeadline")),
                P2PAttempt.State.valueOf(o.getString("state")),
                o.containsKey("settledAt") ? Instant.parse(o.getString("settledAt")) : null,
                report(o.getJsonObject("requesterReport")), report(o.getJsonObject("peerReport"))));
    }

    private static JsonObject entity(EntityRef e) {
        return Json.createObjectBuilder().add("type", e.type().name()).add("id", e.id()).build();
    }

    private static EntityRef entity(JsonObject o) {
        return new EntityRef(EntityType.valueOf(o.getString("type")), o.getString("id"));
    }

    private static JsonObject report(Report r) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("path", r.path()).add("at", r.at().toString());
        if (r.rttMs() != null) {
            o.add("rttMs", r.rttMs());
        }
        Candidate c = r.candidate();
        if (c != null) {
            o.add("candidate", Json.createObjectBuilder().add("type", c.type()).add("ip", c.ip()).add("port", c.port()).add("proto", c.proto()));
        }
        return o.build();
    }

    private static Report report(JsonObject o) {
        if (o == null) {
            return null;
        }
        JsonObject c = o.getJsonObject("candidate");
        return new Report(o.getString("path"), o.containsKey("rttMs") ? o.getJsonNumber("rttMs").longValue() : null,
                c == null ? null : new Candidate(c.getString("type"), c.getString("ip"), c.getInt("port"), c.getString("proto")),
                Instant.parse(o.getString("at")));
    }
}
