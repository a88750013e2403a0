package org.irsp.rights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/** One explicit entry of a device's rights configuration (§9.2): a subject and its rights. */
@Entity
@Table(name = "IRSP_RIGHTS_ENTRY", indexes = @Index(columnList = "deviceId"))
public class RightsEntry {

    @Id
    @Column(length = 420)
    private String id;

    @Column(nullable = false, length = 200) private String deviceId;
    @Enumerated(EnumType.STRING) @Column(nullable = false, length = 8) private EntityType subjectType;
    @Column(nullable = false, length = 200) private String subjectId;
    private int rights;

    protected RightsEntry() {}

    public RightsEntry(String deviceId, EntityRef subject, int rights) {
        this.id = deviceId + "|" + subject.key();
        this.deviceId = deviceId;
        this.subjectType = subject.type();
        this.subjectId = subject.id();
        this.rights = rights;
    }

    public EntityRef subject() {
        return new EntityRef(subjectType, subjectId);
    }

    public int rights() {
        return rights;
    }

    public String deviceId() {
        return deviceId;
    }
}
