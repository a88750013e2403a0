package org.irsp.rights.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.irsp.audit.control.AuditLog;
import org.irsp.rights.entity.AccessChanged;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.events.entity.EnterpriseEvent;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.relationship.entity.Kind;
import org.irsp.rights.control.AccessRights;
import org.irsp.rights.entity.Grant;
import org.irsp.rights.entity.Rights;
import org.irsp.rights.entity.RightsEntry;
import jakarta.enterprise.event.Event;

/** §9.2 configuration and query of a device's access rights: owner, 0x20 holders or the device itself. */
@Stateless
public class DeviceRights {

    @PersistenceContext EntityManager em;
    @Inject Accounts accounts;
    @Inject AccessRights rights;
    @Inject RelationshipStore relationships;
    @Inject Event<EnterpriseEvent> events;
    @Inject AuditLog audit;
    @Inject Event<AccessChanged> accessChanged;

    public RightsView query(EntityRef caller, EntityRef device) {
        return describe(permitted(caller, device));
    }

    /** Replaces the whole configuration. Checks: 404 device, 403 caller, then per entry 404/400. */
    public RightsView configure(EntityRef caller, EntityRef device, RightsConfig config) {
        DeviceAccount d = permitted(caller, device);
        Set<EntityRef> seen = new HashSet<>();
        for (int i = 0; i < config.entries().size(); i++) {
            EntityRef subject = config.entries().get(i).subject();
            String path = "entries[" + i + "].subject";
            if (accounts.find(subject).isEmpty()) {
                throw IrspException.field(RetCode.NOT_FOUND, path, "unknown subject");
            }
            if (subject.equals(d.ref()) || d.isOwnedBy(subject) || !seen.add(subject)) {
                throw IrspException.badField(path, "the owner, the device itself or a repeated subject");
            }
        }
        em.createQuery("delete from RightsEntry e where e.deviceId = :d").setParameter("d", d.id()).executeUpdate();
        for (Grant e : config.entries()) {
            em.persist(new RightsEntry(d.id(), e.subject(), e.rights()));
        }
        d.defaultPolicy(config.defaultPolicy());
        em.flush();
        RightsView described = describe(d);
        accessChanged.fire(new AccessChanged("rights changed"));
        events.fire(new EnterpriseEvent.RightsChanged(d.id(), config.defaultPolicy().wire(), described.entries()));
        audit.record(caller.id(), null, "rightsChanged", 200, d.id());
        return described;
    }

    private DeviceAccount permitted(EntityRef caller, EntityRef device) {
        DeviceAccount d = (DeviceAccount) accounts.get(device);
        if (!Rights.has(rights.effective(caller, d), Rights.ADMINISTER)) {
            throw new IrspException(RetCode.FORBIDDEN, "only the owner, an administrator or the device itself");
        }
        return d;
    }

    private RightsView describe(DeviceAccount d) {
        List<Grant> entries = em.createQuery("select e from RightsEntry e where e.deviceId = :d", RightsEntry.class)
                .setParameter("d", d.id()).getResultStream().map(e -> new Grant(e.subject(), e.rights())).toList();
        List<RightsView.Held> held = relationships.of(d.ref()).stream().filter(r -> r.kind() != Kind.USER_USER)
                .map(r -> new RightsView.Held(r.id(), r.peerOf(d.ref()), r.kind() == Kind.USER_DEVICE ? r.role().wire() : null,
                        r.rights() == null ? 0 : r.rights()))
                .toList();
        return new RightsView(d.id(), d.defaultPolicy(), d.owner(), entries, held);
    }
}
