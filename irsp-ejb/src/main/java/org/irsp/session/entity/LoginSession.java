package org.irsp.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import java.security.MessageDigest;

/**
 * A login (§8.3): {entity, connId, token}. The connId is bindable once within the bind window; an
 * unbound session serves REST until it idles out; a bound one lives as long as its WebSocket.
 * Only a SHA-256 digest of the token is stored.
 */
@Entity
@Table(name = "IRSP_SESSION", indexes = {@Index(columnList = "tokenDigest", unique = true),
        @Index(columnList = "entityId")})
public class LoginSession {

    @Id
    @Column(length = 22)
    private String connId;

    @Column(nullable = false, length = 64)
    private String tokenDigest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private EntityType entityType;

    @Column(nullable = false, length = 200)
    private String entityId;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant lastUsedAt;
    private Instant boundAt;
    private Instant endedAt;

    /** The node whose WebSocket holds the binding (issue 13: several nodes share the database). */
    @Column(length = 64)
    private String boundNode;

    /** The client's address: the login request's, then the WebSocket's (IP and port) once bound. */
    @Column(length = 64)
    private String clientAddress;

    @Version
    private long version;

    protected LoginSession() {}

    public LoginSession(String connId, String tokenDigest, EntityRef entity, Instant now) {
        this.connId = connId;
        this.tokenDigest = tokenDigest;
        this.entityType = entity.type();
        this.entityId = entity.id();
        this.createdAt = now;
        this.lastUsedAt = now;
    }

    public EntityRef entity() {
        return new EntityRef(entityType, entityId);
    }

    /** Whether the token still authenticates REST calls at {@code now}. */
    public boolean isActive(Instant now, Duration idleTimeout) {
        return endedAt == null && (boundAt != null || now.isBefore(lastUsedAt.plus(idleTimeout)));
    }

    /** §8.3/§8.4 481: the connId is bindable while the session lives and the window is open. */
    public boolean isInBindWindow(Instant now, Duration bindWindow) {
        return endedAt == null && now.isBefore(createdAt.plus(bindWindow));
    }

    public boolean isBound() {
        return boundAt != null && endedAt == null;
    }

    public boolean hasTokenDigest(String digest) {
        return MessageDigest.isEqual(tokenDigest.getBytes(), digest.getBytes());
    }

    public void bind(Instant now, String node) {
        if (boundAt != null) {
            throw new IllegalStateException("already bound");
        }
        boundAt = now;
        boundNode = node;
    }

    /** The node holding the binding, or null while unbound (and for bindings older than the column). */
    public String boundNode() {
        return boundNode;
    }

    /**
     * Whether a use at {@code now} is worth recording: only an unbound session idles out (a bound one lives
     * as long as its WebSocket), and a second's precision is plenty for a timeout of minutes.
     */
    public boolean isTouchDue(Instant now) {
        return boundAt == null && endedAt == null && !now.isBefore(lastUsedAt.plusSeconds(1));
    }

    public void touch(Instant now) {
        lastUsedAt = now;
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    /** Where the client is: the login's address, then the bound WebSocket's. */
    public void cameFrom(String address) {
        clientAddress = address == null || address.length() <= 64 ? address : address.substring(0, 64);
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant boundAt() {
        return boundAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean isEnded() {
        return endedAt != null;
    }

    public String connId() {
        return connId;
    }
}
