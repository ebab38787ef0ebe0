package io.lakeops.control.jobs;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.scheduling.ScheduleEntries;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Creates, replaces, pauses and deletes job definitions: validated first, written with a
 * conditional write, recorded in the audit trail with who and why.
 */
public final class JobDefinitionService {
  private static final System.Logger LOG = System.getLogger(JobDefinitionService.class.getName());
  private final JobStore jobs;
  private final AuditTrail audit;
  private final JobDefinitionValidator validator;
  private final Clock clock;
  private final ScheduleEntries schedule;

  public JobDefinitionService(
      JobStore jobs,
      AuditTrail audit,
      JobDefinitionValidator validator,
      Clock clock,
      ScheduleEntries schedule) {
    this.jobs = jobs;
    this.audit = audit;
    this.validator = validator;
    this.clock = clock;
    this.schedule = schedule;
  }

  /** Stores a new job; {@code AlreadyExistsException} if its id is taken. */
  public Job create(JobDefinition definition, Attribution by) {
    Job stored = jobs.createJob(validator.validate(definition));
    audit.record(
        "job.create",
        EntityKind.JOB,
        stored.id().value(),
        stored.version(),
        stored.updatedAt(),
        null,
        stored,
        by);
    keepScheduled(stored);
    return stored;
  }

  /** Replaces job {@code id} at {@code expectedVersion} with a new definition of the same id. */
  public Job replace(JobId id, JobDefinition definition, long expectedVersion, Attribution by) {
    Job valid = validator.validate(definition);
    if (!valid.id().equals(id)) {
      throw new InvalidDefinitionException(
          List.of(new FieldError("id", "cannot be changed; create a new job instead")));
    }
    Job current = jobs.findJob(id).orElseThrow(() -> new NotFoundException("job", id.value()));
    Job stored = jobs.updateJob(valid.stored(expectedVersion, current.updatedAt()));
    audit.record(
        "job.update",
        EntityKind.JOB,
        id.value(),
        stored.version(),
        stored.updatedAt(),
        current,
        stored,
        by);
    keepScheduled(stored);
    return stored;
  }

  /** Pauses or resumes job {@code id}; a no-op when it is already so. */
  public Job setPaused(JobId id, boolean paused, Attribution by) {
    Job current = jobs.findJob(id).orElseThrow(() -> new NotFoundException("job", id.value()));
    if (current.paused() == paused) {
      return current;
    }
    Job stored = jobs.updateJob(current.withPaused(paused));
    audit.record(
        paused ? "job.pause" : "job.resume",
        EntityKind.JOB,
        id.value(),
        stored.version(),
        stored.updatedAt(),
        current,
        stored,
        by);
    keepScheduled(stored);
    return stored;
  }

  /** Deletes job {@code id} at {@code expectedVersion}. Its runs stay, for the record. */
  public void delete(JobId id, long expectedVersion, Attribution by) {
    Job current = jobs.findJob(id).orElseThrow(() -> new NotFoundException("job", id.value()));
    jobs.deleteJob(id, expectedVersion);
    audit.record(
        "job.delete",
        EntityKind.JOB,
        id.value(),
        expectedVersion + 1,
        clock.instant(),
        current,
        null,
        by);
    try {
      schedule.remove(id);
    } catch (RuntimeException e) {
      // A leftover entry removes itself when it comes due and finds no job.
      LOG.log(System.Logger.Level.WARNING, "due-index entry of deleted job " + id + " stays", e);
    }
  }

  /**
   * The job is written first and its due-index entry second, without a transaction: if the second
   * write fails, the definition stands and {@code ScheduleRepair} brings the entry in step later.
   */
  private void keepScheduled(Job stored) {
    try {
      schedule.reconcile(stored, clock.instant());
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "due-index entry of job " + stored.id() + " left to the repair pass",
          e);
    }
  }

  /**
   * Makes the stored job match {@code definition} (from a definitions file): creates it when
   * missing, replaces it when it differs, and leaves it alone otherwise.
   */
  public Optional<Job> apply(JobDefinition definition, Attribution by) {
    Job valid = validator.validate(definition);
    Optional<Job> current = jobs.findJob(valid.id());
    if (current.isEmpty()) {
      return Optional.of(create(definition, by));
    }
    Job existing = current.get();
    if (valid.stored(existing.version(), existing.updatedAt()).equals(existing)) {
      return Optional.empty();
    }
    return Optional.of(replace(valid.id(), definition, existing.version(), by));
  }

  public Optional<Job> find(JobId id) {
    return jobs.findJob(id);
  }
}
