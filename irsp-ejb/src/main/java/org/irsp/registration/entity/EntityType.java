package org.irsp.registration.entity;

/** An RA entity is a user or a device (§3.1). Wire names are lower-case. */
public enum EntityType {
    USER,
    DEVICE;

    public String wire() {
        return name().toLowerCase();
    }

    public static EntityType ofWire(String value) {
        return switch (value) {
            case "user" -> USER;
            case "device" -> DEVICE;
            default -> throw new IllegalArgumentException(value);
        };
    }
}
