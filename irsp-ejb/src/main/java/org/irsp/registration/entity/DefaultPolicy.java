package org.irsp.registration.entity;

import java.util.Optional;

/** §4.5 DefaultPolicy of a device. */
public enum DefaultPolicy {
    OWNER_ONLY("ownerOnly"),
    RELATED_ONLY("relatedOnly"),
    PUBLIC("public");

    private final String wire;

    DefaultPolicy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<DefaultPolicy> ofWire(String value) {
        for (DefaultPolicy p : values()) {
            if (p.wire.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
