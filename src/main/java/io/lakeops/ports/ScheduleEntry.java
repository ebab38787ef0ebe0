package io.lakeops.ports;

import io.lakeops.domain.JobId;
import java.time.Instant;

/**
 * A job's place in the due index: when the scheduler must next look at it and where its chain of
 * windows stands. One entry per job definition; the scheduler reads due entries only, so a tick
 * costs in proportion to due work, not to the number of definitions.
 *
 * @param nextDueAt the first firing not yet turned into a run; null while the job is paused (the
 *     entry is then "parked" and never due, but keeps its chain for the resume)
 * @param lastScheduledFor the scheduled time of the last run the scheduler created (for streaming
 *     jobs: of the current incarnation); null before the first
 * @param watermark the high watermark of the last window handed out, where the next window starts;
 *     empty before the first window (a full first load) or while that high is still open
 * @param alert something an operator should see (skipped windows, a restart loop); null when none
 * @param version the store's optimistic-lock version: 0 before the first write
 */
public record ScheduleEntry(
    JobId job,
    Instant nextDueAt,
    Instant lastScheduledFor,
    String watermark,
    String alert,
    long version,
    Instant updatedAt) {

  public ScheduleEntry {
    watermark = watermark == null ? "" : watermark;
    alert = alert == null || alert.isBlank() ? null : alert;
  }

  /** A new entry, due at {@code nextDueAt} (null for parked), with no window handed out yet. */
  public static ScheduleEntry first(JobId job, Instant nextDueAt) {
    return new ScheduleEntry(job, nextDueAt, null, "", null, 0, null);
  }

  public boolean isParked() {
    return nextDueAt == null;
  }

  public boolean isDue(Instant now) {
    return nextDueAt != null && !nextDueAt.isAfter(now);
  }

  /** This entry due at {@code next}, or parked when {@code next} is null. */
  public ScheduleEntry dueAt(Instant next) {
    return new ScheduleEntry(job, next, lastScheduledFor, watermark, alert, version, updatedAt);
  }

  /** This entry after windows up to {@code scheduledFor} were handed out. */
  public ScheduleEntry advanced(Instant next, Instant scheduledFor, String newWatermark) {
    return new ScheduleEntry(job, next, scheduledFor, newWatermark, alert, version, updatedAt);
  }

  public ScheduleEntry withAlert(String text) {
    return new ScheduleEntry(job, nextDueAt, lastScheduledFor, watermark, text, version, updatedAt);
  }

  /** The same entry as stored at {@code newVersion} and {@code at}. */
  public ScheduleEntry stored(long newVersion, Instant at) {
    return new ScheduleEntry(job, nextDueAt, lastScheduledFor, watermark, alert, newVersion, at);
  }
}
