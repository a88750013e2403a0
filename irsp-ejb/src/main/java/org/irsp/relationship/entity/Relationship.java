package org.irsp.relationship.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/**
 * An established relationship (§10.1): at most one per pair and kind. For user–device the user is
 * party A and {@code role} is the user's role on the device; user–user is symmetric (friends);
 * device–device is symmetric (peers) with shared rights.
 */
@Entity
@Table(name = "IRSP_RELATIONSHIP", uniqueConstraints = @UniqueConstraint(columnNames = "pairKey"),
        indexes = {@Index(columnList = "partyAId"), @Index(columnList = "partyBId")})
public class Relationship {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 420)
    private String pairKey;

    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 16) private Kind kind;
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 8) private EntityType partyAType;
    @Column(nullable = false, length = 200) private String partyAId;
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 8) private EntityType partyBType;
    @Column(nullable = false, length = 200) private String partyBId;
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 8) private Role role;
    private Integer rights;
    @Column(nullable = false) private Instant createdAt;

    protected Relationship() {}

    /** For user–device, {@code a} is the user and {@code b} the device. */
    public Relationship(Kind kind, EntityRef a, EntityRef b, Role role, Integer rights, Instant now) {
        if (a.equals(b)) {
            throw new IllegalArgumentException("a relationship with oneself");
        }
        this.id = UUID.randomUUID().toString();
        this.pairKey = pairKey(kind, a, b);
        this.kind = kind;
        this.partyAType = a.type();
        this.partyAId = a.id();
        this.partyBType = b.type();
        this.partyBId = b.id();
        this.role = role;
        this.rights = role == Role.OWNER ? Integer.valueOf(63) : rights;
        this.createdAt = now;
    }

    /** The key that makes a relationship unique per pair and kind, whatever the order of the parties. */
    public static String pairKey(Kind kind, EntityRef x, EntityRef y) {
        String first = x.key().compareTo(y.key()) <= 0 ? x.key() : y.key();
        String second = first.equals(x.key()) ? y.key() : x.key();
        return kind.wire() + "|" + first + "|" + second;
    }

    public boolean involves(EntityRef e) {
        return partyA().equals(e) || partyB().equals(e);
    }

    /** The other party, seen from {@code e}. */
    public EntityRef peerOf(EntityRef e) {
        return partyA().equals(e) ? partyB() : partyA();
    }

    public List<EntityRef> parties() {
        return List.of(partyA(), partyB());
    }

    /** The device of a user–device relationship. */
    public EntityRef device() {
        return partyB();
    }

    /** The user of a user–device relationship. */
    public EntityRef user() {
        return partyA();
    }

    public boolean isOwnership() {
        return kind == Kind.USER_DEVICE && role == Role.OWNER;
    }

    public String id() { return id; }
    public Kind kind() { return kind; }
    public EntityRef partyA() { return new EntityRef(partyAType, partyAId); }
    public EntityRef partyB() { return new EntityRef(partyBType, partyBId); }
    public Role role() { return role; }
    public Integer rights() { return rights; }
    public Instant createdAt() { return createdAt; }
}
