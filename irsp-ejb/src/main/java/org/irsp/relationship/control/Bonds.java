package org.irsp.relationship.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Set;
import org.irsp.audit.control.AuditLog;
import org.irsp.rights.entity.AccessChanged;
import org.irsp.events.entity.EnterpriseEvent;
import org.irsp.messaging.control.Notifications;
import org.irsp.presence.boundary.Presences;
import org.irsp.presence.control.Visibility;
import org.irsp.push.entity.Bond;
import org.irsp.push.entity.Established;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;
import org.irsp.relationship.entity.Role;
import jakarta.enterprise.event.Event;

/**
 * Creates a relationship with its consequences (§10.2 200, Table 2 rule 1): the owner claim,
 * RelationshipEstablishedNotify to the parties not in {@code told} (queued if offline), then
 * mutual StatusChangeNotify where V allows, the {@code relationship.established} event and the audit.
 */
@Stateless
public class Bonds {

    @PersistenceContext EntityManager em;
    @Inject Notifications notifications;
    @Inject Visibility visibility;
    @Inject Presences presences;
    @Inject Event<EnterpriseEvent> events;
    @Inject AuditLog audit;
    @Inject Event<AccessChanged> accessChanged;
    @Inject Clock clock;

    /**
     * @param actor the entity whose request or answer made it (audited)
     * @param told  those who learn of it from their own reply: the sender (§10.2), or requester and responder (Table 2 rule 1)
     */
    public Relationship create(Kind kind, EntityRef a, EntityRef b, Role role, Integer rights, String via, EntityRef actor,
            Set<EntityRef> told) {
        Relationship r = new Relationship(kind, a, b, role, rights, clock.instant());
        em.persist(r);
        if (r.isOwnership()) {
            em.find(DeviceAccount.class, b.id()).claim(a.id());
        }
        em.flush();
        Established notice = new Established(bond(r), via);
        for (EntityRef party : r.parties()) {
            if (!told.contains(party)) {
                notifications.liveOrQueued(party, notice);
            }
        }
        tellPresence(a, b);
        tellPresence(b, a);
        accessChanged.fire(new AccessChanged("relationship established"));
        events.fire(new EnterpriseEvent.RelationshipEstablished(notice.bond()));
        audit.record(actor.id(), null, "relationshipEstablished", 200, r.id() + " " + via);
        return r;
    }

    /** x learns y's current presence, if x may see it. */
    private void tellPresence(EntityRef x, EntityRef y) {
        if (visibility.sees(x, y)) {
            notifications.live(x, presences.status(y));
        }
    }

    /** What the relationship notifications say of {@code r}: rights only where a user holds them of a device. */
    public static Bond bond(Relationship r) {
        return new Bond(r.id(), r.kind().wire(), r.partyA(), r.partyB(),
                r.kind() == Kind.USER_DEVICE ? r.role().wire() : null,
                r.rights() != null && r.kind() != Kind.USER_USER ? r.rights() : null);
    }
}
