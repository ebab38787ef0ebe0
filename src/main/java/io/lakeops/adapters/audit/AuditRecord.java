package io.lakeops.adapters.audit;

import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.EntityKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the audit log; never leaves this package (callers see {@link AuditEntry}). */
@Entity
@Table(name = "audit_entry")
class AuditRecord extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "at", nullable = false)
  Instant at;

  @Column(nullable = false)
  String actor;

  @Column(nullable = false)
  String action;

  @Enumerated(EnumType.STRING)
  @Column(name = "entity_kind", nullable = false)
  EntityKind entityKind;

  @Column(name = "entity_id", nullable = false)
  String entityId;

  @Column(nullable = false)
  long version;

  String reason;

  @Lob
  @Column(name = "before_json")
  String before;

  @Lob
  @Column(name = "after_json")
  String after;

  static AuditRecord of(AuditEntry e) {
    AuditRecord r = new AuditRecord();
    r.at = e.at();
    r.actor = e.actor();
    r.action = e.action();
    r.entityKind = e.entityKind();
    r.entityId = e.entityId();
    r.version = e.version();
    r.reason = e.reason();
    r.before = e.before();
    r.after = e.after();
    return r;
  }

  AuditEntry toEntry() {
    return new AuditEntry(
        sequence, at, actor, action, entityKind, entityId, version, reason, before, after);
  }
}
