package io.lakeops.ports;

import java.time.Instant;

/**
 * Records changed since a moment, whoever changed them: the console, another replica, or a writer
 * behind the console's back. Served from an index on the change time, not a table scan.
 */
public interface ChangeFeed {

  /** Records of {@code kind} changed at or after {@code since}, oldest change first. */
  Page<Change> changesSince(EntityKind kind, Instant since, PageRequest page);
}
