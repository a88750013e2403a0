package org.irsp.relationship.entity;

import java.util.Optional;
import org.irsp.registration.entity.EntityType;

/** §10.1 relationship kinds, with the party types each joins. */
public enum Kind {
    USER_DEVICE("user-device", EntityType.USER, EntityType.DEVICE),
    USER_USER("user-user", EntityType.USER, EntityType.USER),
    DEVICE_DEVICE("device-device", EntityType.DEVICE, EntityType.DEVICE);

    private final String wire;
    private final EntityType subjectType;
    private final EntityType targetType;

    Kind(String wire, EntityType subjectType, EntityType targetType) {
        this.wire = wire;
        this.subjectType = subjectType;
        this.targetType = targetType;
    }

    public String wire() {
        return wire;
    }

    public EntityType subjectType() {
        return subjectType;
    }

    public EntityType targetType() {
        return targetType;
    }

    public static Optional<Kind> ofWire(String value) {
        for (Kind k : values()) {
            if (k.wire.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
