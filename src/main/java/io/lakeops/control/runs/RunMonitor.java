package io.lakeops.control.runs;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.LakeReadException;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.SubmissionStatus;
import io.lakeops.ports.SubmitterUnavailableException;
import io.lakeops.ports.VersionConflictException;
import java.time.Instant;
import java.util.Optional;

/**
 * Follows submitted and running runs: one status poll each, mapped to the run's next state. A
 * submission the endpoint no longer knows (Livy forgot it) is resolved from the run's manifest
 * before it is called succeeded or lost. A run whose cluster failed or is being terminated is
 * failed over: resolved from its own attempt's manifest, or lost and given a new attempt. Ended
 * extraction attempts go through the retry rules in the same write; streaming runs are left ended
 * for the streaming keeper to restart (from their checkpoint).
 */
public final class RunMonitor {
  private static final System.Logger LOG = System.getLogger(RunMonitor.class.getName());
  private static final int PAGE = 100;

  private final JobStore jobs;
  private final RunStore runs;
  private final ClusterStore clusters;
  private final SparkSubmitter submitter;
  private final RunResults results;
  private final RetryRules rules;
  private final RunJournal journal;

  public RunMonitor(
      JobStore jobs,
      RunStore runs,
      ClusterStore clusters,
      SparkSubmitter submitter,
      RunResults results,
      RetryRules rules,
      RunJournal journal) {
    this.jobs = jobs;
    this.runs = runs;
    this.clusters = clusters;
    this.submitter = submitter;
    this.results = results;
    this.rules = rules;
    this.journal = journal;
  }

  /** Polls every submitted and running run once; returns how many changed state. */
  public int poll(Instant now) {
    int changed = 0;
    for (RunState state : new RunState[] {RunState.SUBMITTED, RunState.RUNNING}) {
      Optional<String> cursor = Optional.empty();
      do {
        Page<JobRun> page = runs.findRuns(RunQuery.byState(state), new PageRequest(PAGE, cursor));
        for (JobRun run : page.items()) {
          try {
            changed += follow(run, now) ? 1 : 0;
          } catch (VersionConflictException | NotFoundException raced) {
            // Changed under us (cancelled, failed over): the next poll reads it again.
          } catch (SubmitterUnavailableException unreachable) {
            // One failed poll proves little; a dead cluster is the failover's call.
          } catch (LakeReadException unreadable) {
            // The manifest is there but could not be read (S3 throttling, a network fault): this
            // run waits for the next poll, and the others are followed all the same.
            LOG.log(
                System.Logger.Level.WARNING,
                "run {0}: its result could not be read; the next poll tries again: {1}",
                run.id().value(),
                unreadable.getMessage());
          }
        }
        cursor = page.next();
      } while (cursor.isPresent());
    }
    return changed;
  }

  private boolean follow(JobRun run, Instant now) {
    if (run.cluster() == null) {
      return false; // written without a cluster (by hand, from outside): nothing to follow
    }
    Optional<Cluster> cluster = clusters.findCluster(run.cluster());
    if (cluster.isEmpty() || isGone(cluster.get().state())) {
      return failOver(run, cluster, now);
    }
    if (cluster.get().endpoint() == null || run.submissionId() == null) {
      return false; // nowhere to ask yet
    }
    SubmissionStatus status = submitter.status(cluster.get().endpoint(), run.submissionId());
    JobRun next =
        switch (status.state()) {
          case STARTING -> run;
          case RUNNING -> run.state() == RunState.RUNNING ? run : run.moveTo(RunState.RUNNING, now);
          case SUCCEEDED -> fromManifest(run, now, "finished without a result manifest");
          // The job's own words when it left them (a failed check, an error report).
          case FAILED -> fromManifest(run, now, "exited with an error: " + status.remoteState());
          case KILLED ->
              run.failed(RunState.LOST, FailureKind.INFRASTRUCTURE, "killed on the cluster", now);
          case UNKNOWN -> fromManifest(run, now, null);
        };
    if (next == run) {
      return false;
    }
    return record(
        run, next, "batch " + run.submissionId() + " " + status.state().name().toLowerCase());
  }

  /** Writes the run's next state, with the retry rules' decision on an ended extraction attempt. */
  private boolean record(JobRun run, JobRun next, String why) {
    if (!next.state().isFinished()) {
      journal.update(run, next, why);
      return true;
    }
    if (next.state() == RunState.SUCCEEDED) {
      RunResult result = next.result();
      journal.update(
          run,
          next,
          result == null
              ? why
              : why
                  + ": "
                  + result.rowsRead()
                  + " rows read, "
                  + result.rowsWritten()
                  + " written");
      return true;
    }
    Optional<RetryRules.Decision> decision = judgement(next);
    JobRun judged = decision.map(d -> rules.apply(next, d, next.timings().finished())).orElse(next);
    journal.update(
        run,
        judged,
        why
            + ": "
            + next.failures().message()
            + decision.map(d -> "; " + d.explained()).orElse(""));
    return true;
  }

  /**
   * The attempt of a run whose cluster died or is being terminated: its own manifest decides it if
   * the job finished after all; otherwise it is lost, and the retry rules give it a new attempt,
   * which the dispatcher sends to a READY cluster of the pool. Fenced by attempt, an earlier
   * attempt's manifest never counts.
   */
  private boolean failOver(JobRun run, Optional<Cluster> cluster, Instant now) {
    String where =
        cluster
            .map(
                c ->
                    "cluster "
                        + c.id()
                        + " "
                        + c.state().name().toLowerCase()
                        + ": "
                        + c.stateReason())
            .orElse("its cluster " + run.cluster() + " is unknown");
    JobRun next =
        results
            .find(run)
            .map(
                m ->
                    m.succeeded()
                        ? run.succeeded(m.result(), now)
                        : run.failed(RunState.FAILED, FailureKind.JOB, m.message(), now))
            .orElseGet(() -> run.failed(RunState.LOST, FailureKind.CLUSTER_LOST, where, now));
    return record(run, next, where + "; batch " + run.submissionId());
  }

  /** A cluster that will not run the attempt to its end: failed, or on its way out by request. */
  private static boolean isGone(ClusterState state) {
    return state == ClusterState.FAILED
        || state == ClusterState.TERMINATED
        || state == ClusterState.TERMINATING;
  }

  /**
   * What the manifest says about an attempt. With none: {@code missing} as a job failure when the
   * endpoint reported success, otherwise lost (the endpoint forgot a batch that never finished).
   */
  private JobRun fromManifest(JobRun run, Instant now, String missing) {
    Optional<RunResults.Manifest> manifest = results.find(run);
    if (manifest.isPresent()) {
      return manifest.get().succeeded()
          ? run.succeeded(manifest.get().result(), now)
          : run.failed(RunState.FAILED, FailureKind.JOB, manifest.get().message(), now);
    }
    return missing != null
        ? run.failed(RunState.FAILED, FailureKind.JOB, missing, now)
        : run.failed(
            RunState.LOST, FailureKind.INFRASTRUCTURE, "the cluster forgot it, no manifest", now);
  }

  /** The retry rules' decision on an ended extraction attempt; streaming runs are the keeper's. */
  private Optional<RetryRules.Decision> judgement(JobRun ended) {
    Optional<Job> job = jobs.findJob(ended.jobId());
    if (job.isEmpty() || job.get().kind() == JobKind.STREAMING) {
      return Optional.empty();
    }
    return Optional.of(rules.decide(ended, job.get().retry()));
  }
}
