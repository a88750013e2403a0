package org.irsp.registration.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import org.irsp.audit.control.AuditLog;
import org.irsp.audit.entity.Operator;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.control.CredentialHashing;
import org.irsp.registration.control.CredentialRules;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.AccountDisabled;
import org.irsp.registration.entity.CredentialReset;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;

/**
 * What the admin console does to accounts (PROTOCOL §17): disable (sessions end, connections close with
 * 4003, logins get 403 until enabled), enable, lift a login lockout, give a device a new secret (its
 * sessions end: they were opened with the old one), and create users and devices. Every action is
 * audited under the administrator's name with the reason given.
 */
@Stateless
public class AccountAdministration {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject Accounts accounts;
    @Inject Registrations registrations;
    @Inject CredentialHashing hashing;
    @Inject CredentialRules credentialRules;
    @Inject AuditLog audit;
    @Inject Event<AccountDisabled> disabled;
    @Inject Event<CredentialReset> reset;

    public Account get(EntityRef entity) {
        return accounts.find(entity).orElseThrow(() -> new IrspException(RetCode.NOT_FOUND, "unknown account"));
    }

    public void disable(EntityRef entity, Operator by) {
        get(entity).disable();
        disabled.fire(new AccountDisabled(entity));
        audit.record(by.actor(), by.clientIp(), "admin.disable", 200, by.detail(entity.key()));
    }

    public void enable(EntityRef entity, Operator by) {
        get(entity).enable();
        audit.record(by.actor(), by.clientIp(), "admin.enable", 200, by.detail(entity.key()));
    }

    public void unlock(EntityRef entity, Operator by) {
        get(entity).unlock();
        audit.record(by.actor(), by.clientIp(), "admin.unlock", 200, by.detail(entity.key()));
    }

    /** A new generated secret for a device, returned once; the device's sessions end (as by a disable, without the 403). */
    public String resetSecret(EntityRef entity, Operator by) {
        if (!(get(entity) instanceof DeviceAccount device)) {
            throw IrspException.badField("type", "only a device has a secret");
        }
        String secret = generatedSecret();
        device.changeCredential(hashing.hash(CredentialHashing.Kind.DEVICE, secret).join());
        reset.fire(new CredentialReset(entity));
        audit.record(by.actor(), by.clientIp(), "admin.resetSecret", 200, by.detail(entity.key()));
        return secret;
    }

    public Registered createUser(UserRegistration r, Operator by) {
        Registered made = registrations.registerUser(r, by.clientIp());
        audit.record(by.actor(), by.clientIp(), "admin.create", 200, by.detail(made.entity().key()));
        return made;
    }

    /** A device made by an administrator; a secret left out is generated and returned once. */
    public Created createDevice(DeviceRegistration r, Operator by) {
        String secret = r.secret() == null ? generatedSecret() : r.secret();
        Registered made = registrations.registerDevice(new DeviceRegistration(r.deviceId(), r.description(), secret,
                r.verificationCode(), r.certificate()), by.clientIp());
        audit.record(by.actor(), by.clientIp(), "admin.create", 200, by.detail(made.entity().key()));
        return new Created(made, r.secret() == null ? secret : null);
    }

    /** A device an administrator made: its record, and the secret and code IRSP generated (each null if given). */
    public record Created(Registered registered, String generatedSecret) {}

    private String generatedSecret() {
        int length = Math.max(32, credentialRules.policy().secretMinLength());
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }
}
