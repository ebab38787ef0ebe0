package io.lakeops.control.actions;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.SubmitterUnavailableException;
import io.lakeops.ports.VersionConflictException;
import java.time.Clock;
import java.util.Optional;

/**
 * An operator's cancel of a scheduled, submitted or running run. The run is marked CANCELLED first
 * (a conditional write, repeated on a conflict, since the monitor or the dispatcher may move it at
 * the same moment), then its batch is killed on the cluster. Marking first means a monitor poll
 * that sees the batch killed cannot take it for a lost attempt and retry it. The kill is best
 * effort: an unreachable cluster does not stop the cancel, and the audit entry says what happened
 * to the batch. A cancelled run is never retried.
 */
public final class CancelAction {
  private static final int ATTEMPTS = 5;
  private static final int MAX_CAUSE = 200;

  private final RunStore runs;
  private final ClusterStore clusters;
  private final SparkSubmitter submitter;
  private final AuditTrail audit;
  private final Clock clock;

  /** The cancelled run and what became of its batch, for the operator. */
  public record Cancelled(JobRun run, String batch) {}

  public CancelAction(
      RunStore runs,
      ClusterStore clusters,
      SparkSubmitter submitter,
      AuditTrail audit,
      Clock clock) {
    this.runs = runs;
    this.clusters = clusters;
    this.submitter = submitter;
    this.audit = audit;
    this.clock = clock;
  }

  public Cancelled cancel(RunId id, Attribution by) {
    for (int attempt = 1; ; attempt++) {
      JobRun current = RunActions.find(runs, id);
      if (current.state().isFinished()) {
        throw RunActions.refused(current, "a scheduled, submitted or running run can be cancelled");
      }
      JobRun stored;
      try {
        stored = runs.updateRun(current.moveTo(RunState.CANCELLED, clock.instant()));
      } catch (VersionConflictException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
        continue; // submitted or polled meanwhile: decide again on what is stored now
      }
      Optional<String> batch = kill(current);
      audit.run("run.cancel", current, stored, batch.map(b -> withNote(by, b)).orElse(by));
      return new Cancelled(stored, batch.orElse("nothing had been submitted"));
    }
  }

  /** Kills the attempt's batch, if it has one; says what happened to it. */
  private Optional<String> kill(JobRun run) {
    if (run.cluster() == null || run.submissionId() == null) {
      return Optional.empty();
    }
    String batch = "batch " + run.submissionId() + " on cluster " + run.cluster();
    Optional<String> endpoint =
        clusters.findCluster(run.cluster()).map(Cluster::endpoint).filter(e -> !e.isBlank());
    if (endpoint.isEmpty()) {
      return Optional.of(batch + " not killed: the cluster has no endpoint any more");
    }
    try {
      submitter.kill(endpoint.get(), run.submissionId());
      return Optional.of(batch + " killed");
    } catch (SubmitterUnavailableException e) {
      return Optional.of(batch + " not killed, the cluster did not answer: " + cause(e));
    } catch (RuntimeException e) {
      // The cancel is stored already; a refused kill must not lose its audit entry.
      return Optional.of(batch + " not killed, the kill failed: " + cause(e));
    }
  }

  private static Attribution withNote(Attribution by, String note) {
    String reason = by.reason().isEmpty() ? note : by.reason() + " [" + note + "]";
    return new Attribution(by.actor(), reason);
  }

  private static String cause(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    return message.length() <= MAX_CAUSE ? message : message.substring(0, MAX_CAUSE) + "…";
  }
}
