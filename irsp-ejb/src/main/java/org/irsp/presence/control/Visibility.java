package org.irsp.presence.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;
import org.irsp.rights.control.AccessRights;
import org.irsp.rights.entity.Rights;

/**
 * §4.4 V(x, e): x may see e's presence if e is a user and x its friend or a device related to it, or
 * if e is a device and x has the discover right (0x01) on it.
 */
@ApplicationScoped
@Transactional
public class Visibility {

    @Inject RelationshipStore relationships;
    @Inject AccessRights rights;

    public boolean sees(EntityRef x, EntityRef e) {
        if (x.equals(e)) {
            return false;
        }
        if (e.type() == EntityType.USER) {
            Kind kind = x.type() == EntityType.USER ? Kind.USER_USER : Kind.USER_DEVICE;
            return relationships.between(kind, x, e).isPresent();
        }
        return Rights.has(rights.effective(x, e), Rights.DISCOVER);
    }

    /** Every related x with V(x, e): those told about e's presence (§8.4 step 3, §8.6). */
    public List<EntityRef> observersOf(EntityRef e) {
        Set<EntityRef> related = new LinkedHashSet<>();
        for (Relationship r : relationships.of(e)) {
            related.add(r.peerOf(e));
        }
        List<EntityRef> observers = new ArrayList<>();
        for (EntityRef x : related) {
            if (sees(x, e)) {
                observers.add(x);
            }
        }
        return observers;
    }
}
