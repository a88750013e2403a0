package org.irsp.relationship.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.messaging.control.Notifications;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.control.Bonds;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.relationship.entity.Answer;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;
import org.irsp.relationship.entity.RelationshipRequest;
import org.irsp.relationship.entity.Ruling;
import org.irsp.rights.control.AccessRights;
import java.util.Set;
import org.irsp.push.entity.RequestResult;

/** Answers (§10.3, Table 2), withdrawal (§10.4), request lists and expiry (rule 9) of relationship requests. */
@Stateless
public class RelationshipRequests {

    @PersistenceContext EntityManager em;
    @Inject RelationshipStore store;
    @Inject RequestNotices notices;
    @Inject AccessRights rights;
    @Inject Accounts accounts;
    @Inject Bonds bonds;
    @Inject Notifications notifications;
    @Inject AuditLog audit;
    @Inject Clock clock;

    /**
     * The ruling whose retCode the responder's Ack carries. Refusals are returned, not thrown: some close
     * the request (rule 7) and that must commit.
     */
    public Ruling answer(EntityRef responder, AnswerRequest a) {
        RelationshipRequest request = store.request(a.requestId())
                .orElseThrow(() -> new IrspException(RetCode.GONE, "unknown relationship request"));
        Instant now = clock.instant();
        Ruling ruling = request.answer(facts(responder, request, a), now);
        if (ruling.retCode() != 200) {
            audit.record(responder.id(), null, "relationshipAnswer", ruling.retCode(), request.requestId());
            return ruling;
        }
        String relationshipId = ruling.relationshipId();
        if (ruling.create()) {
            Relationship r = bonds.create(request.kind(), request.subject(), request.target(), ruling.role(),
                    ruling.rights(), "approval", responder, Set.of(request.requester(), responder));
            request.created(r.id());
            relationshipId = r.id();
        }
        if (ruling.notifyRequester()) {
            tellRequester(request, relationshipId, a.reason());
            if (relationshipId != null) {
                closeCrossed(request, relationshipId, now);
            }
        }
        audit.record(responder.id(), null, "relationshipAnswer", 200, request.requestId() + " rule " + ruling.rule());
        return new Ruling(ruling.rule(), 200, ruling.create(), ruling.role(), ruling.rights(), relationshipId, false);
    }

    private Answer facts(EntityRef responder, RelationshipRequest request, AnswerRequest a) {
        boolean approver = notices.mayAnswer(responder, request);
        int responderRights = 63;
        boolean owner = true;
        if (request.kind() != Kind.USER_USER) {
            DeviceAccount device = em.find(DeviceAccount.class, request.target().id());
            responderRights = device == null ? 0 : rights.effective(responder, device);
            owner = device != null && (device.isOwnedBy(responder) || device.ref().equals(responder));
        }
        String existing = store.between(request.kind(), request.subject(), request.target()).map(Relationship::id).orElse(null);
        return new Answer(responder, a.accept(), a.role(), a.rights(), approver, responderRights, owner,
                accounts.find(request.requester()).isPresent(), existing);
    }

    /** Rule 6: any acceptance closes every pending request of the pair and kind, each requester told once. */
    private void closeCrossed(RelationshipRequest accepted, String relationshipId, Instant now) {
        for (RelationshipRequest other : store.pendingOfPair(accepted.kind(), accepted.subject(), accepted.target())) {
            other.acceptedElsewhere(relationshipId, now);
            tellRequester(other, relationshipId, null);
        }
    }

    /** RelationshipResultNotify to the requester of a request that just closed (queued if offline). */
    public void tellRequester(RelationshipRequest r, String relationshipId, String reason) {
        int retCode = switch (r.state()) {
            case ACCEPTED -> 200;
            case REJECTED -> 403;
            case EXPIRED -> 408;
            default -> 404;
        };
        notifications.liveOrQueued(r.requester(), new RequestResult(r.requestId(), r.state().result(), retCode, relationshipId, reason));
    }

    /** §10.4: requester only (403); a closed or unknown request is 410. Approvers are not told. */
    public void withdraw(EntityRef caller, String requestId) {
        RelationshipRequest r = store.request(requestId).orElseThrow(() -> new IrspException(RetCode.GONE, "unknown request"));
        if (!r.requester().equals(caller)) {
            throw new IrspException(RetCode.FORBIDDEN, "only the requester may withdraw");
        }
        if (!r.state().isPending() || r.isExpiredAt(clock.instant())) {
            throw new IrspException(RetCode.GONE, "request already closed");
        }
        r.withdraw(clock.instant());
    }

    /** GET /relationship-requests: what {@code e} may answer (incoming) or has asked (outgoing). */
    public List<RelationshipRequest> pending(EntityRef e, boolean incoming) {
        return incoming ? notices.answerableBy(e) : store.pendingBy(e);
    }

    /** Rule 9: requests past their expiry close, and their requesters get ResultNotify expired (408). */
    public int expireDue() {
        Instant now = clock.instant();
        List<RelationshipRequest> due = store.expiredBy(now);
        for (RelationshipRequest r : due) {
            r.expire(now);
            tellRequester(r, null, null);
        }
        return due.size();
    }
}
