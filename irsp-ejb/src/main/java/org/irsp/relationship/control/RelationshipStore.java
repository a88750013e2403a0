package org.irsp.relationship.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.RelationshipRequest;
import org.irsp.relationship.entity.Relationship;
import org.irsp.relationship.entity.RequestState;

/** Queries over relationships and requests. */
@ApplicationScoped
@Transactional
public class RelationshipStore {

    @PersistenceContext
    EntityManager em;

    public Optional<Relationship> between(Kind kind, EntityRef x, EntityRef y) {
        return em.createQuery("select r from Relationship r where r.pairKey = :k", Relationship.class)
                .setParameter("k", Relationship.pairKey(kind, x, y)).getResultStream().findFirst();
    }

    /** Relationships of {@code e}, oldest first. */
    public List<Relationship> of(EntityRef e) {
        return em.createQuery("select r from Relationship r where (r.partyAType = :t and r.partyAId = :id)"
                        + " or (r.partyBType = :t and r.partyBId = :id) order by r.createdAt, r.id", Relationship.class)
                .setParameter("t", e.type()).setParameter("id", e.id()).getResultList();
    }

    public Optional<Relationship> byId(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Relationship.class, id));
    }

    public Optional<RelationshipRequest> request(String requestId) {
        return Optional.ofNullable(requestId == null ? null : em.find(RelationshipRequest.class, requestId));
    }

    /** A pending request by the same requester for the same pair and kind (§10.2 step 3). */
    public Optional<RelationshipRequest> pendingLike(EntityRef requester, Kind kind, EntityRef subject, EntityRef target) {
        return pendingOfPair(kind, subject, target).stream().filter(r -> r.requester().equals(requester)).findFirst();
    }

    /** Pending requests between the pair, in either direction (for rule 6). */
    public List<RelationshipRequest> pendingOfPair(Kind kind, EntityRef x, EntityRef y) {
        return em.createQuery("select r from RelationshipRequest r where r.kind = :k and r.state = :p and"
                        + " ((r.subjectId = :x and r.targetId = :y) or (r.subjectId = :y and r.targetId = :x))"
                        + " order by r.createdAt", RelationshipRequest.class)
                .setParameter("k", kind).setParameter("p", RequestState.PENDING)
                .setParameter("x", x.id()).setParameter("y", y.id()).getResultList();
    }

    /** Pending requests that target {@code e} (candidates for what it may answer), oldest first. */
    public List<RelationshipRequest> pendingTargeting(List<String> targetIds) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from RelationshipRequest r where r.state = :p and r.targetId in :ids"
                        + " order by r.createdAt", RelationshipRequest.class)
                .setParameter("p", RequestState.PENDING).setParameter("ids", targetIds).getResultList();
    }

    public List<RelationshipRequest> pendingBy(EntityRef requester) {
        return em.createQuery("select r from RelationshipRequest r where r.state = :p and r.requesterType = :t"
                        + " and r.requesterId = :id order by r.createdAt", RelationshipRequest.class)
                .setParameter("p", RequestState.PENDING).setParameter("t", requester.type())
                .setParameter("id", requester.id()).getResultList();
    }

    public List<RelationshipRequest> expiredBy(Instant now) {
        return em.createQuery("select r from RelationshipRequest r where r.state = :p and r.expiresAt <= :now"
                        + " order by r.expiresAt", RelationshipRequest.class)
                .setParameter("p", RequestState.PENDING).setParameter("now", now).setMaxResults(500).getResultList();
    }

    public int dropTombstonesBefore(Instant cutoff) {
        return em.createQuery("delete from RelationshipRequest r where r.state <> :p and r.closedAt < :cutoff")
                .setParameter("p", RequestState.PENDING).setParameter("cutoff", cutoff).executeUpdate();
    }
}
