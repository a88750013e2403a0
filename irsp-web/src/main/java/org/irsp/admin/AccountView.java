package org.irsp.admin;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.irsp.codes.Timestamps;
import org.irsp.codes.Wire;
import org.irsp.protocol.PushFrames;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.DeviceDescription;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.UserAccount;
import org.irsp.relationship.entity.Relationship;
import org.irsp.relationship.entity.RelationshipRequest;
import org.irsp.rights.entity.Rights;

/** The console's JSON of accounts, their relationships and pending requests. */
final class AccountView {

    private static final List<String> RIGHT_NAMES = List.of("discover", "read", "control", "events", "share", "administer");

    /** A row of a search: type, ID, name, status, creation, owner. */
    static JsonObjectBuilder summary(Account a) {
        EntityRef e = a.ref();
        JsonObjectBuilder s = Wire.JSON.createObjectBuilder().add("type", e.type().wire()).add("id", e.id())
                .add("status", a.status().name().toLowerCase()).add("createdAt", Timestamps.format(a.createdAt()));
        if (a instanceof UserAccount u) {
            PushFrames.addIfPresent(s, "name", u.nickname());
        } else if (a instanceof DeviceAccount d) {
            PushFrames.addIfPresent(s, "name", d.description().name());
            PushFrames.addIfPresent(s, "deviceType", d.description().deviceType());
            PushFrames.addIfPresent(s, "owner", d.owner());
        }
        return s;
    }

    /** What an account says of itself beyond the summary: policies, description, a lockout in force. */
    static JsonObjectBuilder record(Account a, Instant now) {
        JsonObjectBuilder r = summary(a).add("acceptPolicy", a.acceptPolicy().wire());
        a.lockRemaining(now).ifPresent(left -> r.add("lockedSeconds", Math.max(1, left.toSeconds())));
        if (a instanceof UserAccount u) {
            PushFrames.addIfPresent(r, "contact", u.contact());
            r.add("searchable", u.searchable());
        } else if (a instanceof DeviceAccount d) {
            DeviceDescription x = d.description();
            r.add("defaultPolicy", d.defaultPolicy().wire());
            PushFrames.addIfPresent(r, "manufacturer", x.manufacturer());
            PushFrames.addIfPresent(r, "model", x.model());
            PushFrames.addIfPresent(r, "serialNo", x.serialNo());
            PushFrames.addIfPresent(r, "firmwareVersion", x.firmwareVersion());
            r.add("serviceTypes", Wire.JSON.createArrayBuilder(x.serviceTypes()));
        }
        return r;
    }

    static JsonObjectBuilder relationship(Relationship r, EntityRef of) {
        JsonObjectBuilder item = Wire.JSON.createObjectBuilder().add("relationshipId", r.id()).add("kind", r.kind().wire())
                .add("peer", PushFrames.address(r.peerOf(of))).add("role", r.role().wire());
        if (r.rights() != null) {
            item.add("rights", r.rights()).add("rightsNamed", rightNames(r.rights()));
        }
        return item;
    }

    static JsonObjectBuilder request(RelationshipRequest r) {
        JsonObjectBuilder item = Wire.JSON.createObjectBuilder().add("requestId", r.requestId()).add("kind", r.kind().wire())
                .add("requester", PushFrames.address(r.requester())).add("subject", PushFrames.address(r.subject()))
                .add("target", PushFrames.address(r.target())).add("createdAt", Timestamps.format(r.createdAt()))
                .add("expiresAt", Timestamps.format(r.expiresAt()));
        if (r.role() != null) {
            item.add("role", r.role().wire());
        }
        if (r.rights() != null) {
            item.add("rights", r.rights()).add("rightsNamed", rightNames(r.rights()));
        }
        return item;
    }

    /** The §4.5 bits of {@code rights} by name, lowest bit first. */
    static JsonArrayBuilder rightNames(int rights) {
        JsonArrayBuilder names = Wire.JSON.createArrayBuilder();
        for (int bit = 0; bit < RIGHT_NAMES.size(); bit++) {
            if (Rights.has(rights, 1 << bit)) {
                names.add(RIGHT_NAMES.get(bit));
            }
        }
        return names;
    }

    private AccountView() {}
}
