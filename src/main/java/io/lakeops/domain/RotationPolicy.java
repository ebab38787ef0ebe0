package io.lakeops.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a pool's clusters are replaced by fresh ones: once they are older than {@code maxAge}, at
 * each firing of {@code cron}, or never (both null). Rotation limits how long a cluster collects
 * state (leaked disk, a slow node) and keeps its AMI and release current.
 *
 * @param maxAge how long a cluster may be READY before it is rotated; null for no limit
 * @param cron the pool's rotation schedule (UTC); null for none
 */
public record RotationPolicy(Duration maxAge, Schedule.Cron cron) {
  public static final RotationPolicy NEVER = new RotationPolicy(null, null);

  public RotationPolicy {
    if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
      throw new IllegalArgumentException("a maximum age must be positive, got " + maxAge);
    }
  }

  /** When a cluster READY since {@code readyAt} is due for rotation; null when never. */
  public Instant dueAt(Instant readyAt) {
    if (readyAt == null) {
      return null;
    }
    Instant byAge = maxAge == null ? null : readyAt.plus(maxAge);
    Instant byCron = cron == null ? null : cron.nextAfter(readyAt);
    if (byAge == null || byCron == null) {
      return byAge == null ? byCron : byAge;
    }
    return byAge.isBefore(byCron) ? byAge : byCron;
  }
}
