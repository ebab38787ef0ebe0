package io.lakeops.ports;

import io.lakeops.domain.JobId;
import java.time.Instant;
import java.util.Optional;

/**
 * The due index: one {@link ScheduleEntry} per job, written with conditional writes on its version
 * like every other record, and read by "due at or before now" from an index, never by a scan.
 */
public interface ScheduleStore {

  /**
   * Entries whose {@code nextDueAt} is at or before {@code now}, earliest first. Parked entries are
   * never returned. The cursor stays valid while the entries it passed are advanced.
   */
  Page<ScheduleEntry> findDue(Instant now, PageRequest page);

  Optional<ScheduleEntry> findEntry(JobId job);

  /** Stores a new entry at version 1; {@link AlreadyExistsException} when the job has one. */
  ScheduleEntry createEntry(ScheduleEntry entry);

  /**
   * Replaces an entry whose stored version is {@code entry.version()}; {@link
   * VersionConflictException} when it moved on, {@link NotFoundException} when it is gone.
   */
  ScheduleEntry updateEntry(ScheduleEntry entry);

  /** Deletes the entry at {@code expectedVersion}; the same exceptions as {@link #updateEntry}. */
  void deleteEntry(JobId job, long expectedVersion);
}
