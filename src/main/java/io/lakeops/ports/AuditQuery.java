package io.lakeops.ports;

import java.time.Instant;
import java.util.Optional;

/** Filters for reading the audit log; any combination. Times are inclusive from, exclusive to. */
public record AuditQuery(
    Optional<EntityKind> entityKind,
    Optional<String> entityId,
    Optional<String> actor,
    Optional<Instant> from,
    Optional<Instant> to) {
  public static final AuditQuery ALL =
      new AuditQuery(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
