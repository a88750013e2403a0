package org.irsp.verification.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.audit.control.AuditLog;
import org.irsp.audit.entity.Operator;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.events.entity.EnterpriseEvent;
import jakarta.enterprise.event.Event;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.control.CredentialHashing;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.relationship.boundary.Releases;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.relationship.entity.Kind;
import org.irsp.relationship.entity.Relationship;
import org.irsp.rights.control.AccessRights;
import org.irsp.rights.entity.Rights;
import org.irsp.verification.entity.VerificationCodeFormat;

/**
 * §10.5: a device's verification code changed by its owner or an administrator (modify), or by the
 * device itself (reset, optionally releasing every user–device relationship). Codes are stored hashed
 * and a generated one is returned once.
 */
@Stateless
public class VerificationCodes {

    @PersistenceContext EntityManager em;
    @Inject Accounts accounts;
    @Inject AccessRights rights;
    @Inject CredentialHashing hashing;
    @Inject RelationshipStore relationships;
    @Inject Releases releases;
    @Inject Event<EnterpriseEvent> events;
    @Inject AuditLog audit;

    @Inject
    @ConfigProperty(name = "irsp.vcode.generatedLength", defaultValue = "12")
    int generatedLength;

    /** VerificationCodeModifyRequest: 404, 403 (not owner or 0x20 holder), 424. */
    public CodeChanged modify(EntityRef caller, EntityRef device, String newCode) {
        DeviceAccount d = (DeviceAccount) accounts.get(device);
        if (caller.type() != EntityType.USER || !Rights.has(rights.effective(caller, d), Rights.ADMINISTER)) {
            throw new IrspException(RetCode.FORBIDDEN, "only the owner or an administrator changes the code");
        }
        String generated = set(d, newCode);
        changed(caller, d, false);
        return new CodeChanged(d.id(), generated, 0);
    }

    /** DeviceVerificationCodeResetRequest: the sender must be a device, and resets its own code. */
    public CodeChanged reset(EntityRef caller, String newCode, boolean releaseAll) {
        if (caller.type() != EntityType.DEVICE) {
            throw new IrspException(RetCode.FORBIDDEN, "only a device resets its own code");
        }
        DeviceAccount d = (DeviceAccount) accounts.get(caller);
        String generated = set(d, newCode);
        int released = 0;
        if (releaseAll) {
            for (Relationship r : relationships.of(d.ref())) {
                if (r.kind() == Kind.USER_DEVICE) {
                    releases.end(r, d.ref(), "codeReset");
                    released++;
                }
            }
            d.vacate();
        }
        changed(caller, d, releaseAll);
        return new CodeChanged(d.id(), generated, released);
    }

    /** The console's reset: a generated code, returned once; relationships stay. */
    public CodeChanged byAdministrator(EntityRef device, Operator by) {
        DeviceAccount d = (DeviceAccount) accounts.get(device);
        String generated = set(d, null);
        events.fire(new EnterpriseEvent.CodeChanged(d.id(), null, false));
        audit.record(by.actor(), by.clientIp(), "admin.resetCode", 200, by.detail(d.ref().key()));
        return new CodeChanged(d.id(), generated, 0);
    }

    private String set(DeviceAccount d, String newCode) {
        String code = newCode == null ? VerificationCodeFormat.generate(generatedLength)
                : VerificationCodeFormat.normalise(newCode).orElseThrow(() -> new IrspException(RetCode.CODE_FORMAT,
                        "verification code format", Map.of("format", VerificationCodeFormat.FORMAT)));
        d.verificationCodeHash(hashing.hash(CredentialHashing.Kind.VCODE, code).join());
        return newCode == null ? code : null;
    }

    private void changed(EntityRef by, DeviceAccount d, boolean releaseAll) {
        events.fire(new EnterpriseEvent.CodeChanged(d.id(), by, releaseAll));
        audit.record(by.id(), null, "verificationCodeChanged", 200, d.id() + (releaseAll ? " releaseAll" : ""));
    }
}
