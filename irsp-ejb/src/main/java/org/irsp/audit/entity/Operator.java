package org.irsp.audit.entity;

/**
 * An administrator acting through the console: who (audited as {@code admin:NAME}), from where, and the
 * reason given for the action (mandatory for destructive ones, so the audit log says why).
 */
public record Operator(String name, String clientIp, String reason) {

    public String actor() {
        return "admin:" + name;
    }

    /** An audit detail: what was acted on, then the reason if one was given. */
    public String detail(String subject) {
        return reason == null || reason.isBlank() ? subject : subject + " reason: " + reason;
    }
}
