package io.lakeops.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How current the lake's copy of an extracted table is, against the job's schedule. The lake holds
 * the source as of the newest window a run has published: the scheduled time of the latest
 * succeeded run (a timestamp window's high end; for an id window, a time before its read began).
 *
 * <p>The window due by now is the schedule's last firing at least {@link #GRACE} ago (a run needs
 * that long to start and publish). The table is on time when the lake holds that window, late when
 * it holds the one before it, and stale when it is further behind.
 *
 * @param asOf the newest window published; null when no run has succeeded
 * @param age from {@code asOf} to now; null when no run has succeeded
 * @param due the window that should be in the lake by now
 */
public record Freshness(Status status, Instant asOf, Duration age, Instant due) {
  /** What a run takes from its scheduled time until its output is published, at most. */
  public static final Duration GRACE = Duration.ofMinutes(2);

  /** Whether the lake keeps up with the schedule. */
  public enum Status {
    ON_TIME,
    LATE,
    STALE,
    /** No run has succeeded yet. */
    NEVER,
    /** The job is paused: no window is due. */
    PAUSED
  }

  /** The freshness of a job's table whose newest published window is {@code newestWindow}. */
  public static Freshness of(
      Schedule schedule, Optional<Instant> newestWindow, boolean paused, Instant now) {
    Instant due = schedule.latestAtOrBefore(now.minus(GRACE));
    if (newestWindow.isEmpty()) {
      return new Freshness(paused ? Status.PAUSED : Status.NEVER, null, null, due);
    }
    Instant asOf = newestWindow.get();
    Duration age = Duration.between(asOf, now);
    if (paused) {
      return new Freshness(Status.PAUSED, asOf, age, due);
    }
    if (!asOf.isBefore(due)) {
      return new Freshness(Status.ON_TIME, asOf, age, due);
    }
    Instant before = schedule.latestAtOrBefore(due.minusMillis(1));
    return new Freshness(asOf.isBefore(before) ? Status.STALE : Status.LATE, asOf, age, due);
  }
}
