package org.irsp.relationship.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/**
 * A request to establish a relationship (§10.2), its lifecycle ({@link RequestState}) and the rules of
 * Table 2 for answers to it. Closed requests stay as tombstones so that repeated and late answers are
 * answered consistently.
 */
@Entity
@Table(name = "IRSP_REL_REQUEST", indexes = {@Index(columnList = "state"), @Index(columnList = "targetId"),
        @Index(columnList = "requesterId")})
public class RelationshipRequest {

    @Id
    @Column(length = 36)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Enumerated(EnumType.STRING) @Column(length = 8) private EntityType requesterType;
    @Column(length = 200) private String requesterId;
    @Enumerated(EnumType.STRING) @Column(length = 8) private EntityType subjectType;
    @Column(length = 200) private String subjectId;
    @Enumerated(EnumType.STRING) @Column(length = 8) private EntityType targetType;
    @Column(length = 200) private String targetId;

    @Enumerated(EnumType.STRING) @Column(length = 8) private Role role;
    private Integer rights;
    @Column(length = 1024) private String note;

    @Column(nullable = false) private Instant createdAt;
    @Column(nullable = false) private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RequestState state = RequestState.PENDING;

    private Instant closedAt;
    @Column(length = 200) private String decidedByKey;
    private Boolean decidedAccept;
    private int decidedRule;
    @Column(length = 36) private String relationshipId;

    protected RelationshipRequest() {}

    public RelationshipRequest(Kind kind, EntityRef requester, EntityRef subject, EntityRef target, Role role,
            Integer rights, String note, Instant now, Instant expiresAt) {
        this.requestId = UUID.randomUUID().toString();
        this.kind = kind;
        this.requesterType = requester.type();
        this.requesterId = requester.id();
        this.subjectType = subject.type();
        this.subjectId = subject.id();
        this.targetType = target.type();
        this.targetId = target.id();
        this.role = role;
        this.rights = rights;
        this.note = note;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Table 2 for an answer arriving at {@code now}; moves the state when the rule closes the request. */
    public Ruling answer(Answer a, Instant now) {
        if (state.isPending() && !now.isBefore(expiresAt)) {
            return Ruling.refuse(3, 410); // expired: the expiry itself is notified by the timer (rule 9)
        }
        if (!state.isPending()) {
            return answerClosed(a);
        }
        if (!a.approver()) {
            return Ruling.refuse(5, 403);
        }
        if (a.accept() && !a.requesterExists()) {
            close(RequestState.Event.CANCEL, now, a, 7, null);
            return Ruling.refuse(7, 404);
        }
        if (!a.accept()) {
            close(RequestState.Event.REJECT, now, a, 2, null);
            return new Ruling(2, 200, false, null, null, null, true);
        }
        if (a.existingRelationshipId() != null) {
            close(RequestState.Event.ACCEPT, now, a, 6, a.existingRelationshipId());
            return new Ruling(6, 200, false, null, null, a.existingRelationshipId(), true);
        }
        return grant(a, now);
    }

    /**
     * Rule 1, or rule 8 when explicit values exceed what the responder may grant: a right it lacks, or
     * admin from a non-owner. Values the answer leaves out are the requested ones, silently capped: rights
     * to the responder's own, a requested admin role to member when a non-owner accepts.
     */
    private Ruling grant(Answer a, Instant now) {
        Role granted = a.role() != null ? a.role() : role;
        Integer grantedRights = null;
        if (kind != Kind.USER_USER) {
            int requested = rights != null ? rights : granted.defaultRights().orElse(0);
            if (granted == Role.ADMIN && !a.responderIsOwner()) {
                if (a.role() != null) {
                    return Ruling.refuse(8, 403);
                }
                granted = Role.MEMBER;
            }
            if (a.rights() != null) {
                if ((a.rights() & ~a.responderRights()) != 0) {
                    return Ruling.refuse(8, 403);
                }
                grantedRights = a.rights();
            } else {
                grantedRights = requested & a.responderRights();
            }
        }
        close(RequestState.Event.ACCEPT, now, a, 1, null);
        return new Ruling(1, 200, true, granted, grantedRights, null, true);
    }

    /** Rules 3, 4, 6, 7 for a request that is no longer pending. */
    private Ruling answerClosed(Answer a) {
        boolean sameAnswer = a.responder().key().equals(decidedByKey) && decidedAccept != null && decidedAccept == a.accept();
        if (sameAnswer) {
            return new Ruling(4, 200, false, null, null, relationshipId, false);
        }
        if (a.accept() && decidedRule == 6) {
            return new Ruling(6, 200, false, null, null, relationshipId, false);
        }
        if (a.accept() && state == RequestState.CANCELLED) {
            return Ruling.refuse(7, 404);
        }
        return Ruling.refuse(a.accept() && state == RequestState.WITHDRAWN ? 7 : 3, 410);
    }

    public void withdraw(Instant now) {
        state = state.on(RequestState.Event.WITHDRAW);
        closedAt = now;
    }

    /** Rule 9: no answer before expiry. */
    public void expire(Instant now) {
        state = state.on(RequestState.Event.EXPIRE);
        closedAt = now;
    }

    /** §7.6 step 3: the requester or the target was deleted. */
    public void cancel(Instant now) {
        state = state.on(RequestState.Event.CANCEL);
        closedAt = now;
    }

    /** Rule 6: another request of the pair was accepted; this one closes as accepted too. */
    public void acceptedElsewhere(String relationshipId, Instant now) {
        state = state.on(RequestState.Event.ACCEPT);
        closedAt = now;
        decidedRule = 6;
        this.relationshipId = relationshipId;
    }

    /** Rule 1 completed: the relationship the accept created. */
    public void created(String relationshipId) {
        this.relationshipId = relationshipId;
    }

    private void close(RequestState.Event event, Instant now, Answer a, int rule, String relationshipId) {
        state = state.on(event);
        closedAt = now;
        decidedByKey = a.responder().key();
        decidedAccept = a.accept();
        decidedRule = rule;
        this.relationshipId = relationshipId;
    }

    public boolean isExpiredAt(Instant now) {
        return state.isPending() && !now.isBefore(expiresAt);
    }

    public String requestId() { return requestId; }
    public Kind kind() { return kind; }
    public EntityRef requester() { return new EntityRef(requesterType, requesterId); }
    public EntityRef subject() { return new EntityRef(subjectType, subjectId); }
    public EntityRef target() { return new EntityRef(targetType, targetId); }
    public Role role() { return role; }
    public Integer rights() { return rights; }
    public String note() { return note; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public RequestState state() { return state; }
    public String relationshipId() { return relationshipId; }
}
