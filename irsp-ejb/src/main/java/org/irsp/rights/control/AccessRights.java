package org.irsp.rights.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;
import org.irsp.rights.entity.Rights;
import org.irsp.rights.entity.RightsEntry;

/** §9.1 effective rights of a subject on a device, and who holds a given right. */
@Stateless
public class AccessRights {

    @PersistenceContext
    EntityManager em;

    @Inject
    RelationshipStore relationships;

    public int effective(EntityRef subject, EntityRef device) {
        DeviceAccount d = em.find(DeviceAccount.class, device.id());
        if (d == null) {
            return 0;
        }
        return effective(subject, d);
    }

    public int effective(EntityRef subject, DeviceAccount d) {
        boolean selfOrOwner = subject.equals(d.ref()) || d.isOwnedBy(subject);
        Optional<Integer> entry = Optional.ofNullable(em.find(RightsEntry.class, d.id() + "|" + subject.key()))
                .map(RightsEntry::rights);
        Kind kind = subject.type() == EntityType.USER ? Kind.USER_DEVICE : Kind.DEVICE_DEVICE;
        Optional<Integer> relationship = relationships.between(kind, subject, d.ref()).map(Relationship::rights);
        return Rights.effective(selfOrOwner, entry, relationship, d.defaultPolicy());
    }

    /** Users with {@code bit} on the device, owner included: related users and explicit entries. */
    public List<EntityRef> usersHolding(DeviceAccount d, int bit) {
        Set<EntityRef> candidates = new LinkedHashSet<>();
        if (d.owner() != null) {
            candidates.add(EntityRef.user(d.owner()));
        }
        for (Relationship r : relationships.of(d.ref())) {
            if (r.kind() == Kind.USER_DEVICE) {
                candidates.add(r.user());
            }
        }
        em.createQuery("select e from RightsEntry e where e.deviceId = :d", RightsEntry.class)
                .setParameter("d", d.id()).getResultStream()
                .map(RightsEntry::subject).filter(s -> s.type() == EntityType.USER).forEach(candidates::add);
        List<EntityRef> holders = new ArrayList<>();
        for (EntityRef u : candidates) {
            if (Rights.has(effective(u, d), bit)) {
                holders.add(u);
            }
        }
        return holders;
    }

    /** §10.2 approvers of a request to a device: its owner and every 0x10 holder, else the device itself. */
    public List<EntityRef> approversOf(DeviceAccount d) {
        List<EntityRef> approvers = usersHolding(d, Rights.SHARE);
        return approvers.isEmpty() ? List.of(d.ref()) : approvers;
    }
}
