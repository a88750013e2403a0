package org.irsp.rights.entity;

import java.util.Optional;
import org.irsp.registration.entity.DefaultPolicy;

/** §4.5 rights bits and §9.1 effective rights. */
public final class Rights {

    public static final int DISCOVER = 0x01;
    public static final int READ = 0x02;
    public static final int CONTROL = 0x04;
    public static final int EVENTS = 0x08;
    public static final int SHARE = 0x10;
    public static final int ADMINISTER = 0x20;
    public static final int ALL = 63;

    /**
     * effectiveRights(s, d): 63 for the device itself and its owner; otherwise s's explicit entry, else
     * the rights of the relationship between s and d, else 0; under ownerOnly, 0 unless that base has 0x20.
     */
    public static int effective(boolean selfOrOwner, Optional<Integer> entry, Optional<Integer> relationship,
            DefaultPolicy policy) {
        if (selfOrOwner) {
            return ALL;
        }
        int base = entry.or(() -> relationship).orElse(0);
        if (policy == DefaultPolicy.OWNER_ONLY && (base & ADMINISTER) == 0) {
            return 0;
        }
        return base;
    }

    /** §9.3: the right a DataMessage {@code op} needs on a device target; empty for an unknown op. */
    public static Optional<Integer> requiredFor(String op) {
        return switch (op == null ? "" : op) {
            case "read", "other" -> Optional.of(READ);
            case "control" -> Optional.of(CONTROL);
            case "event" -> Optional.of(EVENTS);
            default -> Optional.empty();
        };
    }

    public static boolean has(int rights, int bit) {
        return (rights & bit) == bit;
    }

    private Rights() {}
}
