package org.irsp.rights.boundary;

import java.util.List;
import org.irsp.registration.entity.DefaultPolicy;
import org.irsp.registration.entity.EntityRef;
import org.irsp.rights.entity.Grant;

/**
 * §9.2 what a device's rights query answers: its default policy, its owner (null while unclaimed), the
 * explicit entries, and the rights each user or device relationship holds.
 */
public record RightsView(String deviceId, DefaultPolicy defaultPolicy, String owner, List<Grant> entries,
        List<Held> relationships) {

    /** A relationship's rights: {@code role} for a user-device relationship, null for device-device. */
    public record Held(String relationshipId, EntityRef subject, String role, int rights) {}
}
