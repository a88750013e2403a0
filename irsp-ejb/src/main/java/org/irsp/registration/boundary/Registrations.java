package org.irsp.registration.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Map;
import org.irsp.audit.control.AuditLog;
import org.irsp.rights.entity.AccessChanged;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.events.entity.EnterpriseEvent;
import org.irsp.registration.control.CredentialHashing;
import org.irsp.registration.control.CredentialHashing.Kind;
import org.irsp.registration.control.CredentialRules;
import org.irsp.registration.control.DeviceValidation;
import org.irsp.registration.control.IdSuggestions;
import org.irsp.registration.control.RegistrationThrottle;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.AccountDeleted;
import org.irsp.registration.entity.AcceptPolicy;
import org.irsp.registration.entity.CredentialPolicy;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.UserAccount;
import org.irsp.verification.entity.VerificationCodeFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Registration (§7.1–7.3, Table 1) and deletion (§7.6) of users and devices. */
@Stateless
public class Registrations {

    @PersistenceContext
    EntityManager em;

    @Inject CredentialHashing hashing;
    @Inject RegistrationThrottle throttle;
    @Inject DeviceValidation deviceValidation;
    @Inject IdSuggestions suggestions;
    @Inject Event<EnterpriseEvent> events;
    @Inject AuditLog audit;
    @Inject Event<AccessChanged> accessChanged;
    @Inject Event<AccountDeleted> deleted;
    @Inject Clock clock;

    @Inject CredentialRules credentialRules;

    @Inject
    @ConfigProperty(name = "irsp.vcode.generatedLength", defaultValue = "12")
    int generatedCodeLength;

    /** Table 1's 429, checked before the body is read. */
    public void admit(String clientIp) {
        throttle.admit(clientIp);
    }

    public Registered registerUser(UserRegistration r, String clientIp) {
        String id = EntityRef.canonicalUserId(r.userId()).orElseThrow(() ->
                new IrspException(RetCode.ID_SYNTAX, "userId syntax", Map.of("pattern", EntityRef.USER_ID_PATTERN)));
        policy().violationOfPassword(r.password()).ifPresent(p -> {
            throw new IrspException(RetCode.POLICY, "password policy not met", Map.of("policy", p));
        });
        if (em.find(Account.class, id) != null) {
            throw new IrspException(RetCode.CONFLICT, "userId already registered",
                    Map.of("suggestions", suggestions.freeIdsLike(id)));
        }
        UserAccount user = new UserAccount(id, hashing.hash(Kind.USER, r.password()).join(), clock.instant());
        user.nickname(r.nickname());
        user.contact(r.contact());
        user.searchable(Boolean.TRUE.equals(r.searchable()));
        if (r.acceptPolicy() != null) {
            user.acceptPolicy(AcceptPolicy.ofWire(r.acceptPolicy()).orElseThrow());
        }
        store(user);
        accessChanged.fire(new AccessChanged("account"));
        events.fire(new EnterpriseEvent.AccountRegistered(EntityRef.user(id)));
        audit.record(id, clientIp, "register", 200, "user");
        return new Registered(user.ref(), null);
    }

    public Registered registerDevice(DeviceRegistration r, String clientIp) {
        String id = EntityRef.canonicalDeviceId(r.deviceId()).orElseThrow(() ->
                new IrspException(RetCode.ID_SYNTAX, "deviceId syntax", Map.of("pattern", EntityRef.DEVICE_ID_PATTERN)));
        policy().violationOfSecret(r.secret()).ifPresent(p -> {
            throw new IrspException(RetCode.POLICY, "secret policy not met", Map.of("policy", p));
        });
        String code = r.verificationCode() == null
                ? VerificationCodeFormat.generate(generatedCodeLength)
                : VerificationCodeFormat.normalise(r.verificationCode()).orElseThrow(() -> new IrspException(
                        RetCode.CODE_FORMAT, "verificationCode format", Map.of("format", VerificationCodeFormat.FORMAT)));
        deviceValidation.check(r.description().deviceType(), r.certificate());
        if (em.find(Account.class, id) != null) {
            throw new IrspException(RetCode.CONFLICT, "deviceId already registered");
        }
        DeviceAccount device = new DeviceAccount(id, hashing.hash(Kind.DEVICE, r.secret()).join(), clock.instant(),
                r.description(), hashing.hash(Kind.VCODE, code).join());
        store(device);
        accessChanged.fire(new AccessChanged("account"));
        events.fire(new EnterpriseEvent.AccountRegistered(EntityRef.device(id)));
        audit.record(id, clientIp, "register", 200, "device");
        return new Registered(device.ref(), r.verificationCode() == null ? code : null);
    }

    /** §7.6: sessions closed, queues purged (by observers of AccountDeleted), then the row removed. */
    public void delete(EntityRef entity, EntityRef caller, String clientIp) {
        Account account = em.find(Account.class, entity.id());
        if (account == null) {
            throw new IrspException(RetCode.NOT_FOUND, "unknown " + entity.type().wire());
        }
        boolean owner = account instanceof DeviceAccount d && caller.id().equals(d.owner());
        if (!entity.equals(caller) && !owner) {
            throw new IrspException(RetCode.FORBIDDEN, "only the entity itself or a device's owner may delete it");
        }
        deleted.fire(new AccountDeleted(entity));
        em.remove(account);
        accessChanged.fire(new AccessChanged("account"));
        events.fire(new EnterpriseEvent.AccountDeleted(entity));
        audit.record(caller.id(), clientIp, "delete", 200, entity.key());
    }

    private void store(Account account) {
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException raced) {
            throw new IrspException(RetCode.CONFLICT, "ID already registered");
        }
    }

    private CredentialPolicy policy() {
        return credentialRules.policy();
    }
}
