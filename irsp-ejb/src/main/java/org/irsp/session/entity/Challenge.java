package org.irsp.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A §8.2 nonce: single use, for one device, until it expires. */
@Entity
@Table(name = "IRSP_CHALLENGE")
public class Challenge {

    @Id
    @Column(length = 43)
    private String nonce;

    @Column(nullable = false, length = 200)
    private String deviceId;

    @Column(nullable = false)
    private Instant expiresAt;

    protected Challenge() {}

    public Challenge(String nonce, String deviceId, Instant expiresAt) {
        this.nonce = nonce;
        this.deviceId = deviceId;
        this.expiresAt = expiresAt;
    }

    /** Whether this nonce, consumed now, admits a proof from {@code deviceId}. */
    public boolean admits(String deviceId, Instant now) {
        return this.deviceId.equals(deviceId) && now.isBefore(expiresAt);
    }

    public String nonce() {
        return nonce;
    }
}
