package org.irsp.relationship.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.irsp.push.entity.Released;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.irsp.audit.control.AuditLog;
import org.irsp.rights.entity.AccessChanged;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.events.entity.EnterpriseEvent;
import org.irsp.messaging.control.Notifications;
import org.irsp.messaging.control.OfflineQueue;
import org.irsp.registration.entity.AccountDeleted;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.control.Bonds;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;
import org.irsp.relationship.entity.RelationshipRequest;
import org.irsp.relationship.entity.Role;
import org.irsp.rights.control.AccessRights;
import org.irsp.rights.entity.Rights;
import jakarta.enterprise.event.Event;
import java.util.List;

/** §10.4 release of relationships, and the §7.6 cascade when an account is deleted. */
@Stateless
public class Releases {

    @PersistenceContext EntityManager em;
    @Inject RelationshipStore store;
    @Inject AccessRights rights;
    @Inject Notifications notifications;
    @Inject OfflineQueue offline;
    @Inject Event<EnterpriseEvent> events;
    @Inject AuditLog audit;
    @Inject Event<AccessChanged> accessChanged;
    @Inject RelationshipRequests requests;
    @Inject Clock clock;

    /** By relationshipId, or by peer and kind (the caller being a party). 404, then 403. */
    public void release(EntityRef caller, String relationshipId, EntityRef peer, Kind kind) {
        Relationship r = (relationshipId != null ? store.byId(relationshipId) : store.between(kind, caller, peer))
                .orElseThrow(() -> new IrspException(RetCode.NOT_FOUND, "unknown relationship"));
        if (!mayRelease(caller, r)) {
            throw new IrspException(RetCode.FORBIDDEN, "not allowed to release this relationship");
        }
        end(r, caller, r.involves(caller) ? "released" : "removed");
    }

    private boolean mayRelease(EntityRef caller, Relationship r) {
        if (r.involves(caller)) {
            return true;
        }
        return switch (r.kind()) {
            case USER_DEVICE -> isOwner(caller, r.device())
                    || r.role() == Role.MEMBER && Rights.has(rights.effective(caller, r.device()), Rights.ADMINISTER);
            case DEVICE_DEVICE -> r.parties().stream().anyMatch(d -> isOwner(caller, d)
                    || Rights.has(rights.effective(caller, d), Rights.ADMINISTER));
            case USER_USER -> false;
        };
    }

    private boolean isOwner(EntityRef user, EntityRef device) {
        DeviceAccount d = em.find(DeviceAccount.class, device.id());
        return d != null && d.isOwnedBy(user);
    }

    /**
     * Deletes the edge, vacates ownership, purges the messages the parties stored for each other (§10.4,
     * and §7.6 for a deleted account's), tells the other parties (queued if offline), publishes the event.
     */
    public void end(Relationship r, EntityRef by, String reason) {
        if (r.isOwnership()) {
            DeviceAccount device = em.find(DeviceAccount.class, r.device().id());
            if (device != null) {
                device.vacate();
            }
        }
        em.remove(r);
        List<EntityRef> parties = r.parties();
        offline.purgeBetween(parties.get(0), parties.get(1));
        Released notice = new Released(Bonds.bond(r), by, reason);
        for (EntityRef party : r.parties()) {
            if (!party.equals(by)) {
                notifications.liveOrQueued(party, notice);
            }
        }
        accessChanged.fire(new AccessChanged("relationship released"));
        events.fire(new EnterpriseEvent.RelationshipReleased(notice.bond(), reason));
        audit.record(by.id(), null, "relationshipReleased", 200, r.id() + " " + reason);
    }

    /** §7.6 steps 2–3 for a deleted entity. */
    public void onAccountDeleted(@Observes AccountDeleted deleted) {
        EntityRef gone = deleted.entity();
        for (Relationship r : store.of(gone)) {
            end(r, gone, "accountDeleted");
        }
        for (RelationshipRequest mine : store.pendingBy(gone)) {
            mine.cancel(clock.instant());
        }
        for (RelationshipRequest aimed : store.pendingTargeting(List.of(gone.id()))) {
            aimed.cancel(clock.instant());
            requests.tellRequester(aimed, null, null);
        }
    }
}
