package org.irsp.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A registered user or device: its hashed credential, status, accept policy and the login lockout
 * counter of §8.1. The lockout rules live here, not in the login boundary.
 */
@Entity
@Table(name = "IRSP_ACCOUNT")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "KIND")
public abstract class Account {

    @Id
    @Column(length = 200)
    private String id;

    @Column(nullable = false, length = 400)
    private String credentialHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status = AccountStatus.ENABLED;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AcceptPolicy acceptPolicy = AcceptPolicy.APPROVAL;

    @Column(nullable = false)
    private Instant createdAt;

    @Embedded
    private LoginFailures loginFailures = new LoginFailures();

    protected Account() {}

    protected Account(String id, String credentialHash, Instant createdAt) {
        this.id = id;
        this.credentialHash = credentialHash;
        this.createdAt = createdAt;
    }

    public abstract EntityType type();

    public EntityRef ref() {
        return new EntityRef(type(), id);
    }

    /** Remaining lock time, if the ID is locked at {@code now}. */
    public Optional<Duration> lockRemaining(Instant now) {
        return failures().lockRemaining(now);
    }

    /** Counts a failed login (a 401); the maxFailures-th within the window locks the ID. */
    public void recordLoginFailure(Instant now, LockoutPolicy policy) {
        failures().recordFailure(now, policy);
    }

    public void recordLoginSuccess() {
        failures().recordSuccess();
    }

    /** An administrator lifts a lockout: the ID may log in at once and its failure count starts again. */
    public void unlock() {
        failures().recordSuccess();
    }

    /** A row whose counter columns are all empty loads without the embedded object. */
    private LoginFailures failures() {
        if (loginFailures == null) {
            loginFailures = new LoginFailures();
        }
        return loginFailures;
    }

    public boolean isEnabled() {
        return status == AccountStatus.ENABLED;
    }

    public void disable() {
        status = AccountStatus.DISABLED;
    }

    public void enable() {
        status = AccountStatus.ENABLED;
    }

    public void changeCredential(String newHash) {
        this.credentialHash = newHash;
    }

    public String id() {
        return id;
    }

    public String credentialHash() {
        return credentialHash;
    }

    public AccountStatus status() {
        return status;
    }

    public AcceptPolicy acceptPolicy() {
        return acceptPolicy;
    }

    public void acceptPolicy(AcceptPolicy acceptPolicy) {
        this.acceptPolicy = acceptPolicy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
