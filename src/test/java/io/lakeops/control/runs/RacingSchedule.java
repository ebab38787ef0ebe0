package io.lakeops.control.runs;

import io.lakeops.domain.JobId;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A due index where someone else writes first: just before the first entry update passes through,
 * another writer changes the stored entry, so the update loses on its version.
 */
final class RacingSchedule implements ScheduleStore {
  private final ScheduleStore store;
  private final UnaryOperator<ScheduleEntry> otherWriter;
  private boolean raced;

  RacingSchedule(ScheduleStore store, UnaryOperator<ScheduleEntry> otherWriter) {
    this.store = store;
    this.otherWriter = otherWriter;
  }

  @Override
  public ScheduleEntry updateEntry(ScheduleEntry entry) {
    if (!raced) {
      raced = true;
      store.updateEntry(otherWriter.apply(store.findEntry(entry.job()).orElseThrow()));
    }
    return store.updateEntry(entry);
  }

  @Override
  public Page<ScheduleEntry> findDue(Instant now, PageRequest page) {
    return store.findDue(now, page);
  }

  @Override
  public Optional<ScheduleEntry> findEntry(JobId job) {
    return store.findEntry(job);
  }

  @Override
  public ScheduleEntry createEntry(ScheduleEntry entry) {
    return store.createEntry(entry);
  }

  @Override
  public void deleteEntry(JobId job, long expectedVersion) {
    store.deleteEntry(job, expectedVersion);
  }
}
