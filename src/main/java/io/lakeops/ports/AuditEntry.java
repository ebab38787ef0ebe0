package io.lakeops.ports;

import java.time.Instant;

/**
 * One recorded change: who did what to which record, why, and the record before and after (as JSON
 * snapshots; empty before a create and after a delete). {@code version} is the record's version
 * after the change, which lets the mirror recognise a change it has already recorded.
 */
public record AuditEntry(
    long sequence,
    Instant at,
    String actor,
    String action,
    EntityKind entityKind,
    String entityId,
    long version,
    String reason,
    String before,
    String after) {

  /** The actor of changes picked up from the state store that the console did not make. */
  public static final String EXTERNAL = "external";
}
