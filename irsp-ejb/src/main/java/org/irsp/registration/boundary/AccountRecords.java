package org.irsp.registration.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.events.entity.EnterpriseEvent;
import jakarta.enterprise.event.Event;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.control.CredentialHashing;
import org.irsp.registration.control.CredentialRules;
import org.irsp.registration.entity.AcceptPolicy;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.CredentialPolicy;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.DeviceDescription;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.registration.entity.UserAccount;
import org.irsp.rights.control.AccessRights;
import org.irsp.rights.entity.Rights;

/** Account records (§7.4) and credential changes (§7.5). Checks: 404, then 403. */
@Stateless
public class AccountRecords {

    @Inject Accounts accounts;
    @Inject CredentialHashing hashing;
    @Inject Event<EnterpriseEvent> events;
    @Inject AuditLog audit;

    @Inject CredentialRules credentialRules;
    @Inject AccessRights accessRights;

    /** The record, if {@code caller} may see and edit it (§5.4): the entity itself, a device's owner or a 0x20 holder. */
    public Account read(EntityRef entity, EntityRef caller) {
        Account account = accounts.get(entity);
        if (!isSelfOrOwner(account, caller)
                && !(account instanceof DeviceAccount d && Rights.has(accessRights.effective(caller, d), Rights.ADMINISTER))) {
            throw new IrspException(RetCode.FORBIDDEN, "not allowed to access this record");
        }
        return account;
    }

    public Account patch(EntityRef entity, EntityRef caller, AccountPatch p) {
        Account account = read(entity, caller);
        List<String> changed = new ArrayList<>();
        if (p.acceptPolicy() != null) {
            account.acceptPolicy(AcceptPolicy.ofWire(p.acceptPolicy()).orElseThrow());
            changed.add("acceptPolicy");
        }
        if (account instanceof UserAccount user) {
            if (p.nickname() != null) { user.nickname(p.nickname()); changed.add("nickname"); }
            if (p.contact() != null) { user.contact(p.contact()); changed.add("contact"); }
            if (p.searchable() != null) { user.searchable(p.searchable()); changed.add("searchable"); }
        } else if (account instanceof DeviceAccount device) {
            DeviceDescription d = device.description();
            device.describe(new DeviceDescription(d.deviceType(), d.manufacturer(), d.model(), d.serialNo(),
                    p.firmwareVersion() != null ? p.firmwareVersion() : d.firmwareVersion(),
                    p.name() != null ? p.name() : d.name(),
                    p.serviceTypes() != null ? p.serviceTypes() : d.serviceTypes()));
            if (p.name() != null) changed.add("name");
            if (p.firmwareVersion() != null) changed.add("firmwareVersion");
            if (p.serviceTypes() != null) changed.add("serviceTypes");
        }
        events.fire(new EnterpriseEvent.AccountUpdated(entity, changed));
        return account;
    }

    /** §7.5, self only: a wrong old credential is 403 naming it, a weak new one 422. */
    public void changeCredential(EntityRef entity, EntityRef caller, String oldCredential, String newCredential,
            String clientIp) {
        Account account = accounts.get(entity);
        if (!entity.equals(caller)) {
            throw new IrspException(RetCode.FORBIDDEN, "only the entity itself may change its credential");
        }
        boolean user = entity.type() == EntityType.USER;
        if (!hashing.verify(oldCredential, account.credentialHash()).join()) {
            audit.recordRefusal(caller.id(), clientIp, "credentialChange", 403, null);
            throw IrspException.field(RetCode.FORBIDDEN, user ? "oldPassword" : "oldSecret", "wrong old credential");
        }
        CredentialPolicy policy = credentialRules.policy();
        (user ? policy.violationOfPassword(newCredential) : policy.violationOfSecret(newCredential)).ifPresent(v -> {
            throw new IrspException(RetCode.POLICY, "credential policy not met", Map.of("policy", v));
        });
        account.changeCredential(hashing.hash(user ? CredentialHashing.Kind.USER : CredentialHashing.Kind.DEVICE,
                newCredential).join());
        audit.record(caller.id(), clientIp, "credentialChange", 200, null);
    }

    /** Deletion (§7.6) is allowed to the entity itself, and to a device's owner (not to a 0x20 holder). */
    public void checkMayDelete(EntityRef entity, EntityRef caller) {
        if (!isSelfOrOwner(accounts.get(entity), caller)) {
            throw new IrspException(RetCode.FORBIDDEN, "only the entity itself or a device's owner may delete it");
        }
    }

    private static boolean isSelfOrOwner(Account account, EntityRef caller) {
        if (account.ref().equals(caller)) {
            return true;
        }
        return account instanceof DeviceAccount d && caller.type() == EntityType.USER && caller.id().equals(d.owner());
    }
}
