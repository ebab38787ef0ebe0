package io.lakeops.ports;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The local audit mirror: an append-only record of every change of job state. */
public interface AuditLog {

  /**
   * Appends {@code entry} (its sequence is assigned here) unless a change of the same record at the
   * same version is recorded already; returns whether it was appended.
   */
  boolean record(AuditEntry entry);

  /**
   * Appends those of {@code entries} not recorded yet, at once where the log can (one transaction
   * rather than one per entry); returns how many were appended.
   */
  default int recordAll(List<AuditEntry> entries) {
    int recorded = 0;
    for (AuditEntry entry : entries) {
      if (record(entry)) {
        recorded++;
      }
    }
    return recorded;
  }

  /** Whether the change of one record to {@code version} at {@code at} is recorded. */
  boolean contains(EntityKind kind, String entityId, long version, java.time.Instant at);

  /** A change of one record, as the log recognises it: the record, its version after, the time. */
  record ChangeKey(String entityId, long version, java.time.Instant at) {}

  /**
   * Of {@code changes} to records of {@code kind}, those recorded already; where the log can, with
   * one question for all rather than one each.
   */
  default Set<ChangeKey> recordedAmong(EntityKind kind, Collection<ChangeKey> changes) {
    Set<ChangeKey> recorded = new HashSet<>();
    for (ChangeKey change : changes) {
      if (contains(kind, change.entityId(), change.version(), change.at())) {
        recorded.add(change);
      }
    }
    return recorded;
  }

  /** Entries matching {@code query}, newest first. */
  Page<AuditEntry> search(AuditQuery query, PageRequest page);

  /** The newest entry about one record, whose {@code after} is the last known snapshot. */
  Optional<AuditEntry> latest(EntityKind kind, String entityId);
}
