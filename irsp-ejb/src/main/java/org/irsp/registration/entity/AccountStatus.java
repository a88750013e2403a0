package org.irsp.registration.entity;

/** §7.4 {@code status}: an administrator may disable an account (login then answers 403). */
public enum AccountStatus {
    ENABLED,
    DISABLED;

    public String wire() {
        return name().toLowerCase();
    }
}
