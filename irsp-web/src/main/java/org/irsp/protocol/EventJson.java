package org.irsp.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import org.irsp.codes.Timestamps;
import org.irsp.codes.Wire;
import org.irsp.events.entity.EnterpriseEvent;
import org.irsp.events.entity.EnterpriseEvent.AccountUpdated;
import org.irsp.events.entity.EnterpriseEvent.CodeChanged;
import org.irsp.events.entity.EnterpriseEvent.MessageToIrsp;
import org.irsp.events.entity.EnterpriseEvent.MessageUndelivered;
import org.irsp.events.entity.EnterpriseEvent.OfRelationship;
import org.irsp.events.entity.EnterpriseEvent.PresenceChanged;
import org.irsp.events.entity.EnterpriseEvent.PresenceOffline;
import org.irsp.events.entity.EnterpriseEvent.RelationshipReleased;
import org.irsp.events.entity.EnterpriseEvent.RightsChanged;
import org.irsp.push.entity.Bond;
import org.irsp.push.entity.DeliveryFailed;

/** The body of a §15.2 event on {@code irsp.events}: {eventType, entityType, entityId, ts, data}. */
public final class EventJson {

    public static String write(EnterpriseEvent e, Instant ts) {
        return Wire.JSON.createObjectBuilder().add("eventType", e.eventType()).add("entityType", e.entityType())
                .add("entityId", e.entityId()).add("ts", Timestamps.format(ts)).add("data", data(e)).build().toString();
    }

    static JsonObject data(EnterpriseEvent e) {
        JsonObjectBuilder d = Wire.JSON.createObjectBuilder();
        if (e instanceof PresenceChanged p) {
            d.add("presence", p.presence()).add("connCount", p.connCount());
        } else if (e instanceof PresenceOffline p) {
            d.add("reason", p.reason());
        } else if (e instanceof AccountUpdated a) {
            d.add("fields", Wire.JSON.createArrayBuilder(a.fields()));
        } else if (e instanceof OfRelationship r) {
            relationship(d, r.bond());
            if (r instanceof RelationshipReleased released) {
                d.add("reason", released.reason());
            }
        } else if (e instanceof RightsChanged r) {
            JsonArrayBuilder entries = Wire.JSON.createArrayBuilder();
            r.entries().forEach(g -> entries.add(RightsJson.grant(g)));
            d.add("defaultPolicy", r.defaultPolicy()).add("entries", entries);
        } else if (e instanceof CodeChanged c) {
            // an administrator's change (the console) is the IRSP's own, as the source of a server push
            d.add("by", c.by() == null ? Wire.JSON.createObjectBuilder().add("type", "irsp") : PushFrames.address(c.by()))
                    .add("releaseAll", c.releaseAll());
        } else if (e instanceof MessageUndelivered m) {
            DeliveryFailed f = m.failure();
            d.add("msgId", f.msgId()).add("target", Wire.JSON.createObjectBuilder().add("type", f.target().type()).add("id", f.target().id()))
                    .add("retCode", f.retCode()).add("reason", f.reason());
        } else if (e instanceof MessageToIrsp m) {
            d.add("msgId", m.msgId());
            PushFrames.addIfPresent(d, "op", m.op());
            d.add("body", m.body());
        } // account.registered and account.deleted: {}
        return d.build();
    }

    /** {kind, parties, role?, rights?}: what the notifications say of it, without its ID (the event's entityId). */
    private static void relationship(JsonObjectBuilder d, Bond b) {
        d.add("kind", b.kind()).add("parties", Wire.JSON.createArrayBuilder()
                .add(PushFrames.address(b.partyA())).add(PushFrames.address(b.partyB())));
        PushFrames.addIfPresent(d, "role", b.role());
        if (b.rights() != null) {
            d.add("rights", b.rights());
        }
    }

    private EventJson() {}
}
