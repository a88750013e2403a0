package org.irsp.relationship.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.irsp.push.entity.RequestNotice;
import org.irsp.messaging.control.Notifications;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.RelationshipRequest;
import org.irsp.rights.control.AccessRights;

/**
 * Who may answer a request (§10.2 approvers), RelationshipRequestNotify to them (live; re-sent at every
 * bind while pending, §8.4 step 4) and the request's JSON body.
 */
@ApplicationScoped
@Transactional
public class RequestNotices {

    @PersistenceContext EntityManager em;
    @Inject RelationshipStore store;
    @Inject AccessRights rights;
    @Inject Notifications notifications;

    public List<EntityRef> approversOf(RelationshipRequest r) {
        if (r.kind() == Kind.USER_USER) {
            return List.of(r.target());
        }
        return rights.approversOf(em.find(DeviceAccount.class, r.target().id()));
    }

    public boolean mayAnswer(EntityRef responder, RelationshipRequest r) {
        return approversOf(r).contains(responder);
    }

    public void notifyApprovers(RelationshipRequest r) {
        for (EntityRef approver : approversOf(r)) {
            notifications.live(approver, notice(r));
        }
    }

    /** The pending requests {@code e} may answer, oldest first: re-sent when it binds. */
    public List<RelationshipRequest> answerableBy(EntityRef e) {
        List<String> targets = new ArrayList<>();
        if (e.type() == EntityType.USER) {
            targets.add(e.id());
            em.createQuery("select d.id from DeviceAccount d where d.owner = :u", String.class).setParameter("u", e.id())
                    .getResultStream().forEach(targets::add);
            store.of(e).stream().filter(r -> r.kind() == Kind.USER_DEVICE).map(r -> r.device().id()).forEach(targets::add);
        } else {
            targets.add(e.id());
        }
        return store.pendingTargeting(targets).stream().filter(r -> mayAnswer(e, r)).toList();
    }

    /** RelationshipRequestNotify (§10.2): what an approver learns of a pending request. */
    public static RequestNotice notice(RelationshipRequest r) {
        return new RequestNotice(r.requestId(), r.kind().wire(), r.requester(), r.subject(), r.target(),
                r.kind() == Kind.USER_DEVICE ? r.role().wire() : null, r.rights(), r.note(), r.expiresAt());
    }
}
