package io.lakeops.ports;

import java.time.Instant;
import java.util.Optional;

/** How far the audit mirror has read the change feed, per kind of record; kept across restarts. */
public interface SyncPositions {
  Optional<Instant> position(EntityKind kind);

  void save(EntityKind kind, Instant position);
}
