package io.lakeops.control.scheduling;

import io.lakeops.domain.Schedule;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The firings of a schedule that are due, from an entry's {@code nextDueAt} up to now: the newest
 * {@code cap} of them, in order, and what was left out. Left-out windows are the oldest ones of a
 * long outage; their rows are not lost, since the first kept window starts where the chain stood.
 *
 * @param due firings to turn into runs, oldest first
 * @param skipped how many older firings were left out
 * @param firstSkipped the oldest left out, null when none
 * @param lastSkipped the newest left out, null when none
 */
record DueWindows(List<Instant> due, long skipped, Instant firstSkipped, Instant lastSkipped) {

  static DueWindows between(Schedule schedule, Instant nextDueAt, Instant now, int cap) {
    ArrayDeque<Instant> kept = new ArrayDeque<>();
    long skipped = 0;
    Instant first = null;
    Instant last = null;
    for (Instant at = nextDueAt; !at.isAfter(now); at = schedule.nextAfter(at)) {
      kept.addLast(at);
      if (kept.size() > cap) {
        last = kept.removeFirst();
        first = first == null ? last : first;
        skipped++;
      }
    }
    return new DueWindows(List.copyOf(kept), skipped, first, last);
  }
}
