package org.irsp.rights.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.relationship.entity.Kind;
import org.irsp.rights.entity.Rights;

/**
 * §9.3, the one check message routing calls for every target: a device target needs the right that
 * {@code body.op} requires; a user target needs the sender to be that user, a friend, or a device
 * related to it.
 */
@Stateless
public class Enforcement {

    @Inject AccessRights rights;
    @Inject RelationshipStore relationships;

    public boolean permits(EntityRef sender, EntityRef target, String op) {
        if (target.type() == EntityType.DEVICE) {
            return Rights.requiredFor(op).map(bit -> Rights.has(rights.effective(sender, target), bit)).orElse(false);
        }
        if (sender.equals(target)) {
            return true;
        }
        Kind kind = sender.type() == EntityType.USER ? Kind.USER_USER : Kind.USER_DEVICE;
        return relationships.between(kind, sender, target).isPresent();
    }
}
