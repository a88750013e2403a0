package org.irsp.relationship.entity;

import java.util.Optional;

/** §10.1/§4.5 roles and their default rights (owner is fixed at 63; friends carry no rights). */
public enum Role {
    OWNER("owner", 63),
    ADMIN("admin", 63),
    MEMBER("member", 15),
    FRIEND("friend", -1),
    PEER("peer", 11);

    private final String wire;
    private final int defaultRights;

    Role(String wire, int defaultRights) {
        this.wire = wire;
        this.defaultRights = defaultRights;
    }

    public String wire() {
        return wire;
    }

    /** The role's default rights, or empty for a friend. */
    public Optional<Integer> defaultRights() {
        return defaultRights < 0 ? Optional.empty() : Optional.of(defaultRights);
    }

    public static Optional<Role> ofWire(String value) {
        for (Role r : values()) {
            if (r.wire.equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
