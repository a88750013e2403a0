package org.irsp.events.entity;

import jakarta.json.JsonObject;
import java.util.List;
import org.irsp.push.entity.Bond;
import org.irsp.push.entity.DeliveryFailed;
import org.irsp.push.entity.Endpoint;
import org.irsp.registration.entity.EntityRef;
import org.irsp.rights.entity.Grant;

/**
 * A §15.2 event for the enterprise systems, as the business layer knows it. Fired as a CDI event in the
 * publisher's transaction; the JMS binding writes it on {@code irsp.events} (one codec for its JSON), so it
 * leaves only if that transaction commits. {@link #entityType()} and {@link #entityId()} name what it is about.
 */
public sealed interface EnterpriseEvent {

    String eventType();

    String entityType();

    String entityId();

    /** An event about a user or a device account. */
    sealed interface OfAccount extends EnterpriseEvent {
        EntityRef entity();

        default String entityType() {
            return entity().type().wire();
        }

        default String entityId() {
            return entity().id();
        }
    }

    /** Its true presence changed while it stays online (invisibility ignored). */
    record PresenceChanged(EntityRef entity, String presence, int connCount) implements OfAccount {
        public String eventType() { return "presence.changed"; }
    }

    /** Its last connection is gone. */
    record PresenceOffline(EntityRef entity, String reason) implements OfAccount {
        public String eventType() { return "presence.offline"; }
    }

    record AccountRegistered(EntityRef entity) implements OfAccount {
        public String eventType() { return "account.registered"; }
    }

    /** {@code fields}: the record's fields a PATCH set, as the wire names them. */
    record AccountUpdated(EntityRef entity, List<String> fields) implements OfAccount {
        public AccountUpdated {
            fields = List.copyOf(fields);
        }
        public String eventType() { return "account.updated"; }
    }

    record AccountDeleted(EntityRef entity) implements OfAccount {
        public String eventType() { return "account.deleted"; }
    }

    /** About a relationship: its kind, parties, role and rights as the notifications tell them. */
    sealed interface OfRelationship extends EnterpriseEvent {
        Bond bond();

        default String entityType() {
            return "relationship";
        }

        default String entityId() {
            return bond().relationshipId();
        }
    }

    record RelationshipEstablished(Bond bond) implements OfRelationship {
        public String eventType() { return "relationship.established"; }
    }

    record RelationshipReleased(Bond bond, String reason) implements OfRelationship {
        public String eventType() { return "relationship.released"; }
    }

    /** A device's whole rights configuration after a change. */
    record RightsChanged(String deviceId, String defaultPolicy, List<Grant> entries) implements EnterpriseEvent {
        public RightsChanged {
            entries = List.copyOf(entries);
        }
        public String eventType() { return "rights.changed"; }
        public String entityType() { return "device"; }
        public String entityId() { return deviceId; }
    }

    /** A device's verification code was changed or reset by {@code by} (null: an administrator, through the console). */
    record CodeChanged(String deviceId, EntityRef by, boolean releaseAll) implements EnterpriseEvent {
        public String eventType() { return "vcode.changed"; }
        public String entityType() { return "device"; }
        public String entityId() { return deviceId; }
    }

    /** A stored message from {@code sender} (any address, the IRSP included) expired undelivered. */
    record MessageUndelivered(Endpoint sender, DeliveryFailed failure) implements EnterpriseEvent {
        public String eventType() { return "message.deliveryFailed"; }
        public String entityType() { return sender.type(); }
        public String entityId() { return sender.id() == null ? "" : sender.id(); }
    }

    /** A DataMessage addressed to the IRSP itself; {@code op} may be null, {@code body} is the sender's. */
    record MessageToIrsp(EntityRef entity, String msgId, String op, JsonObject body) implements OfAccount {
        public String eventType() { return "message.toIrsp"; }
    }
}
