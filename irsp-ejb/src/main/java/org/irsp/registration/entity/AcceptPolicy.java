package org.irsp.registration.entity;

import java.util.Optional;

/** §4.5 AcceptPolicy of users and devices. */
public enum AcceptPolicy {
    APPROVAL("approval"),
    ACCEPT_ALL("acceptAll");

    private final String wire;

    AcceptPolicy(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<AcceptPolicy> ofWire(String value) {
        for (AcceptPolicy p : values()) {
            if (p.wire.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
