package org.irsp.messaging.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;

/**
 * §11.1 group addresses, relative to the sender: {@code friends} (its user-user relations), {@code devices}
 * (the devices it is related to), {@code all} (both, and for a device also the users related to it).
 * Members come devices first, then users, each by ascending ID.
 */
public final class Groups {

    public static List<EntityRef> members(EntityRef sender, String group, List<Relationship> relationships) {
        List<EntityRef> members = new ArrayList<>();
        for (Relationship r : relationships) {
            EntityRef peer = r.peerOf(sender);
            boolean friend = r.kind() == Kind.USER_USER;
            boolean device = peer.type() == EntityType.DEVICE;
            boolean relatedUserOfDevice = sender.type() == EntityType.DEVICE && r.kind() == Kind.USER_DEVICE;
            if (group.equals("friends") && friend || group.equals("devices") && device
                    || group.equals("all") && (friend || device || relatedUserOfDevice)) {
                members.add(peer);
            }
        }
        members.sort(Comparator.comparing((EntityRef e) -> e.type() == EntityType.DEVICE ? 0 : 1).thenComparing(EntityRef::id));
        return members;
    }

    private Groups() {}
}
