package org.irsp.protocol;

import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.registration.entity.DefaultPolicy;
import org.irsp.registration.entity.EntityRef;
import org.irsp.rights.boundary.RightsConfig;

/** §9.2 bodies shared by DeviceAccessRights*Request frames and GET/PUT /devices/{deviceId}/rights. */
public final class RightsJson {

    public static RightsConfig config(JsonFields body) {
        DefaultPolicy policy = DefaultPolicy.ofWire(body.enumValue("defaultPolicy", Set.of("ownerOnly", "relatedOnly", "public")))
                .orElseThrow();
        var entries = body.objects("entries", 1000).stream()
                .map(e -> new RightsConfig.Entry(RelationshipJson.entity(e, "subject"),
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

    private RightsJson() {}
}
