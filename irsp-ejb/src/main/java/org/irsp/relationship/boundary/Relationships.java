package org.irsp.relationship.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.messaging.control.Notifications;
import org.irsp.presence.boundary.Presences;
import org.irsp.presence.control.Visibility;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.control.CredentialHashing;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.AcceptPolicy;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.control.Bonds;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;
import org.irsp.relationship.entity.RelationshipRequest;
import org.irsp.relationship.entity.Role;
import org.irsp.rights.control.AccessRights;
import org.irsp.rights.entity.Rights;
import org.irsp.verification.control.CodeThrottle;
import org.irsp.verification.entity.VerificationCodeFormat;

/** §10.2 establishment, first match wins: 400, 404, 409, 202 (same pending), 429/403 (code), 200, 202. */
@Stateless
public class Relationships {

    @PersistenceContext EntityManager em;
    @Inject Accounts accounts;
    @Inject RelationshipStore store;
    @Inject AccessRights rights;
    @Inject Bonds bonds;
    @Inject CodeThrottle codeThrottle;
    @Inject CredentialHashing hashing;
    @Inject Notifications notifications;
    @Inject RequestNotices notices;
    @Inject Visibility visibility;
    @Inject Presences presences;
    @Inject Clock clock;

    public Established establish(EntityRef sender, EstablishRequest r) {
        EntityRef subject = r.subject() != null ? r.subject() : sender;
        checkParties(sender, subject, r);
        Account target = accounts.get(r.target());
        accounts.get(subject);
        store.between(r.kind(), subject, r.target()).ifPresent(existing -> {
            throw new IrspException(RetCode.CONFLICT, "already related", Map.of("relationshipId", existing.id()));
        });
        var pending = store.pendingLike(sender, r.kind(), subject, r.target());
        if (pending.isPresent()) {
            return new Established(null, pending.get().requestId(), pending.get().expiresAt());
        }
        if (r.kind() == Kind.USER_DEVICE) {
            DeviceAccount device = (DeviceAccount) target;
            boolean codeOk = r.verificationCode() != null && codeMatches(device, r.verificationCode(), sender);
            if (device.owner() == null) {
                if (!codeOk) {
                    throw IrspException.field(RetCode.FORBIDDEN, "verificationCode", "the device's verification code is needed");
                }
                return created(bonds.create(Kind.USER_DEVICE, subject, r.target(), Role.OWNER, 63, "verificationCode", sender, Set.of(sender)));
            }
            if (target.acceptPolicy() == AcceptPolicy.ACCEPT_ALL) {
                Integer granted = r.rights() != null ? r.rights() : Role.MEMBER.defaultRights().orElseThrow();
                return created(bonds.create(Kind.USER_DEVICE, subject, r.target(), Role.MEMBER, granted, "acceptAll", sender, Set.of(sender)));
            }
        } else if (r.kind() == Kind.USER_USER && target.acceptPolicy() == AcceptPolicy.ACCEPT_ALL) {
            return created(bonds.create(Kind.USER_USER, subject, r.target(), Role.FRIEND, null, "acceptAll", sender, Set.of(sender)));
        } else if (r.kind() == Kind.DEVICE_DEVICE) {
            boolean administersBoth = mayAdminister(sender, subject) && mayAdminister(sender, r.target());
            if (administersBoth || target.acceptPolicy() == AcceptPolicy.ACCEPT_ALL) {
                Integer granted = r.rights() != null ? r.rights() : Role.PEER.defaultRights().orElseThrow();
                return created(bonds.create(Kind.DEVICE_DEVICE, subject, r.target(), Role.PEER, granted,
                        administersBoth ? "owner" : "acceptAll", sender, Set.of(sender)));
            }
        }
        return requested(sender, subject, r);
    }

    private Established requested(EntityRef sender, EntityRef subject, EstablishRequest r) {
        Role role = switch (r.kind()) {
            case USER_DEVICE -> r.role() != null ? r.role() : Role.MEMBER;
            case USER_USER -> Role.FRIEND;
            case DEVICE_DEVICE -> Role.PEER;
        };
        Instant now = clock.instant();
        RelationshipRequest request = new RelationshipRequest(r.kind(), sender, subject, r.target(), role, r.rights(),
                r.note(), now, now.plusSeconds(r.expirySeconds()));
        em.persist(request);
        notices.notifyApprovers(request);
        return new Established(null, request.requestId(), request.expiresAt());
    }

    private static Established created(Relationship r) {
        return new Established(r, null, null);
    }

    /**
     * §10.2 400/403 on the parties: kinds, types, self, and who may act. For user-device and user-user the
     * sender is the subject and must be a user (403); a device-device subject that is not a device is 400.
     */
    private void checkParties(EntityRef sender, EntityRef subject, EstablishRequest r) {
        if (r.kind() != Kind.DEVICE_DEVICE && r.subject() != null) {
            throw IrspException.badField("subject", "subject is only for device-device");
        }
        if (r.kind() != Kind.USER_DEVICE && (r.role() != null || r.verificationCode() != null)) {
            throw IrspException.badField(r.role() != null ? "role" : "verificationCode", "only for user-device");
        }
        if (r.target().type() != r.kind().targetType()) {
            throw IrspException.badField("target.type", "the target of " + r.kind().wire() + " is a " + r.kind().targetType().wire());
        }
        if (subject.type() != r.kind().subjectType() && r.kind() != Kind.DEVICE_DEVICE) {
            throw new IrspException(RetCode.FORBIDDEN, "the sender of " + r.kind().wire() + " must be a user");
        }
        if (subject.type() != r.kind().subjectType()) {
            throw IrspException.badField(r.subject() != null ? "subject.type" : "subject", "the subject of " + r.kind().wire()
                    + " is a " + r.kind().subjectType().wire());
        }
        if (subject.equals(r.target())) {
            throw IrspException.badField("target", "a relationship with oneself");
        }
        if (r.kind() == Kind.DEVICE_DEVICE && !sender.equals(subject) && !mayAdminister(sender, subject)) {
            throw new IrspException(RetCode.FORBIDDEN, "not owner or administrator of the subject device");
        }
    }

    private boolean mayAdminister(EntityRef user, EntityRef device) {
        return user.type() == EntityType.USER && Rights.has(rights.effective(user, device), Rights.ADMINISTER);
    }

    /** §10.2 step 4: 429 when throttled; a wrong or malformed code is a counted 403. */
    private boolean codeMatches(DeviceAccount device, String code, EntityRef sender) {
        codeThrottle.admit(device.id());
        var normalised = VerificationCodeFormat.normalise(code);
        if (normalised.isPresent() && hashing.verify(normalised.get(), device.verificationCodeHash()).join()) {
            return true;
        }
        codeThrottle.failed(device.id(), sender.id());
        throw IrspException.field(RetCode.FORBIDDEN, "verificationCode", "wrong verification code");
    }

    /** Relationships of {@code e}, optionally of one kind, oldest first, with presence where V allows (§10.4). */
    public List<Listed> list(EntityRef e, Kind kind) {
        return store.of(e).stream().filter(r -> kind == null || r.kind() == kind).map(r -> {
            EntityRef peer = r.peerOf(e);
            return new Listed(r, peer, visibility.sees(e, peer) ? presences.visiblePresence(peer) : null);
        }).toList();
    }
}
