package org.irsp.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;
import org.irsp.codes.Wire;
import org.irsp.rights.boundary.RightsView;
import org.irsp.codes.IrspException;
import org.irsp.registration.entity.DefaultPolicy;
import org.irsp.registration.entity.EntityRef;
import org.irsp.rights.boundary.RightsConfig;
import org.irsp.rights.entity.Grant;

/** §9.2 bodies shared by DeviceAccessRights*Request frames and GET/PUT /devices/{deviceId}/rights. */
public final class RightsJson {

    public static RightsConfig config(JsonFields body) {
        DefaultPolicy policy = DefaultPolicy.ofWire(body.enumValue("defaultPolicy", Set.of("ownerOnly", "relatedOnly", "public")))
                .orElseThrow();
        var entries = body.objects("entries", 1000).stream()
                .map(e -> new Grant(RelationshipJson.entity(e, "subject"),
                        e.optionalInteger("rights", 0, 63).map(Long::intValue)
                                .orElseThrow(() -> IrspException.badField(e.path("rights"), "rights is mandatory"))))
                .toList();
        return new RightsConfig(policy, entries);
    }

    /** The {@code deviceId} of a frame body (§9.2: mandatory in frames). */
    public static EntityRef device(JsonFields body) {
        return EntityRef.canonicalDeviceId(body.string("deviceId", 1, 200)).map(EntityRef::device)
                .orElseThrow(() -> IrspException.badField(body.path("deviceId"), "not a device ID"));
    }

    /** The §9.2 query and configuration answer: deviceId, defaultPolicy, owner (once claimed), entries, relationships. */
    public static JsonObject view(RightsView v) {
        JsonArrayBuilder entries = Wire.JSON.createArrayBuilder();
        v.entries().forEach(g -> entries.add(grant(g)));
        JsonArrayBuilder held = Wire.JSON.createArrayBuilder();
        for (RightsView.Held h : v.relationships()) {
            JsonObjectBuilder item = Wire.JSON.createObjectBuilder().add("relationshipId", h.relationshipId())
                    .add("subject", PushFrames.address(h.subject()));
            PushFrames.addIfPresent(item, "role", h.role());
            held.add(item.add("rights", h.rights()));
        }
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder().add("deviceId", v.deviceId()).add("defaultPolicy", v.defaultPolicy().wire());
        PushFrames.addIfPresent(b, "owner", v.owner());
        return b.add("entries", entries).add("relationships", held).build();
    }

    /** An entry of a configuration: {subject, rights}. */
    public static JsonObjectBuilder grant(Grant g) {
        return Wire.JSON.createObjectBuilder().add("subject", PushFrames.address(g.subject())).add("rights", g.rights());
    }

    private RightsJson() {}
}
