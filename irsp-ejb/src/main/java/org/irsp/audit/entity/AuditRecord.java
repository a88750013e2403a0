package org.irsp.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One append-only line of the §14 audit log: time, actor, client IP, action, outcome. */
@Entity
@Table(name = "IRSP_AUDIT", indexes = {@Index(columnList = "actor"), @Index(columnList = "at")})
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit")
    @TableGenerator(name = "audit", table = "IRSP_ID_BLOCK", pkColumnName = "NAME", valueColumnName = "NEXT_ID",
            pkColumnValue = "audit", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(length = 200)
    private String actor;

    @Column(length = 64)
    private String clientIp;

    @Column(nullable = false, length = 64)
    private String action;

    private int outcome;

    @Column(length = 1000)
    private String detail;

    protected AuditRecord() {}

    public AuditRecord(Instant at, String actor, String clientIp, String action, int outcome, String detail) {
        this.at = at;
        this.actor = actor;
        this.clientIp = clientIp;
        this.action = action;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String clientIp() {
        return clientIp;
    }

    public String action() {
        return action;
    }

    public int outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
