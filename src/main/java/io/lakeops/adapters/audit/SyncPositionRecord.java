package io.lakeops.adapters.audit;

import io.lakeops.ports.EntityKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far the audit sync has read the change feed of one kind of record. */
@Entity
@Table(name = "audit_sync_position")
class SyncPositionRecord extends PanacheEntityBase {
  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "entity_kind")
  EntityKind kind;

  @Column(nullable = false)
  Instant position;
}
