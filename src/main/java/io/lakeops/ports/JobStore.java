package io.lakeops.ports;

import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import java.util.Optional;

/** Job definitions, each written with a conditional write on its version. */
public interface JobStore {

  /** Stores a new job at version 1; {@link AlreadyExistsException} when the id is taken. */
  Job createJob(Job job);

  Optional<Job> findJob(JobId id);

  /**
   * Replaces a job whose stored version is {@code job.version()}, returning it at the next version;
   * {@link VersionConflictException} when the stored version differs, {@link NotFoundException}
   * when it is gone.
   */
  Job updateJob(Job job);

  /** Deletes a job at {@code expectedVersion}; the same exceptions as {@link #updateJob}. */
  void deleteJob(JobId id, long expectedVersion);

  /** Jobs in id order. */
  Page<Job> listJobs(PageRequest page);

  /**
   * How many jobs there are: exact where the store keeps the figure, otherwise counted up to {@code
   * atMost} and reported as "more" beyond.
   */
  BoundedCount countJobs(int atMost);
}
