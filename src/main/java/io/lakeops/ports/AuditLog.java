package io.lakeops.ports;

import java.util.Optional;

/** The local audit mirror: an append-only record of every change of job state. */
public interface AuditLog {

  /**
   * Appends {@code entry} (its sequence is assigned here) unless a change of the same record at the
   * same version is recorded already; returns whether it was appended.
   */
  boolean record(AuditEntry entry);

  /** Whether the change of one record to {@code version} at {@code at} is recorded. */
  boolean contains(EntityKind kind, String entityId, long version, java.time.Instant at);

  /** Entries matching {@code query}, newest first. */
  Page<AuditEntry> search(AuditQuery query, PageRequest page);

  /** The newest entry about one record, whose {@code after} is the last known snapshot. */
  Optional<AuditEntry> latest(EntityKind kind, String entityId);
}
