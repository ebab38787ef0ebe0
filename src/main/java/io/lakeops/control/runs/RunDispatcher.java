package io.lakeops.control.runs;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RunState;
import io.lakeops.domain.WatermarkKind;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.SourceUnavailableException;
import io.lakeops.ports.SourceWatermarks;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.Submission;
import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.ports.SubmitterUnavailableException;
import io.lakeops.ports.VersionConflictException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sends scheduled runs whose backoff has passed to a READY cluster of their job's pool. The
 * submission is named {@code <runId>-a<attempt>} and looked up by that name first, so a console
 * that crashed between submitting and recording re-attaches instead of submitting twice. With no
 * READY cluster with room (each takes at most its pool's runs per cluster), or while its job is
 * paused, the run simply stays SCHEDULED. An id window's open high end is fixed at its first
 * submission to the source's largest id then (one above it), so that every attempt reads the same
 * rows; while the source has nothing beyond the window's low, the run waits, as the job cannot read
 * an empty window.
 */
public final class RunDispatcher {
  private static final int PAGE = 100;
  private static final int CLUSTERS_READ = 50;

  private final JobStore jobs;
  private final RunStore runs;
  private final ClusterStore clusters;
  private final SparkSubmitter submitter;
  private final SubmitRequests requests;
  private final SourceWatermarks watermarks;
  private final RetryRules rules;
  private final RunJournal journal;
  private final Map<PoolName, Integer> runsPerCluster;

  public RunDispatcher(
      List<Pool> pools,
      JobStore jobs,
      RunStore runs,
      ClusterStore clusters,
      SparkSubmitter submitter,
      SubmitRequests requests,
      SourceWatermarks watermarks,
      RetryRules rules,
      RunJournal journal) {
    this.jobs = jobs;
    this.runs = runs;
    this.clusters = clusters;
    this.submitter = submitter;
    this.requests = requests;
    this.watermarks = watermarks;
    this.rules = rules;
    this.journal = journal;
    this.runsPerCluster =
        pools.stream().collect(Collectors.toMap(Pool::name, Pool::concurrentRuns));
  }

  /** Dispatches what can go now; returns how many runs were submitted or re-attached. */
  public int dispatch(Instant now) {
    Map<ClusterId, Integer> occupancy = new HashMap<>(); // runs on each cluster, read once a pass
    if (noClusterHasRoom(occupancy)) {
      return 0; // a backlog waits without being read run by run every pass
    }
    Map<PoolName, List<Cluster>> ready = new HashMap<>(); // each pool's ready clusters, once a pass
    int submitted = 0;
    Optional<String> cursor = Optional.empty();
    do {
      Page<JobRun> page =
          runs.findRuns(RunQuery.byState(RunState.SCHEDULED), new PageRequest(PAGE, cursor));
      for (JobRun run : page.items()) {
        try {
          submitted += dispatchOne(run, now, occupancy, ready) ? 1 : 0;
        } catch (VersionConflictException | NotFoundException raced) {
          // Another replica or an operator changed the run: its next read decides again.
        }
      }
      cursor = page.next();
    } while (cursor.isPresent());
    return submitted;
  }

  private boolean dispatchOne(
      JobRun listed,
      Instant now,
      Map<ClusterId, Integer> occupancy,
      Map<PoolName, List<Cluster>> ready) {
    JobRun run = runs.findRun(listed.id()).orElse(null); // indexes lag; decide on a key read
    Job job = run == null ? null : jobs.findJob(run.jobId()).orElse(null);
    if (job == null || job.paused() || run.state() != RunState.SCHEDULED) {
      return false; // a paused job launches nothing, not even runs scheduled before the pause
    }
    if (now.isBefore(rules.notBefore(run, job.retry()))) {
      return false;
    }
    Optional<Cluster> cluster = readyCluster(job, run, occupancy, ready);
    if (cluster.isEmpty()) {
      return false;
    }
    String endpoint = cluster.get().endpoint();
    JobRun attempt = run;
    try {
      attempt = withFixedWindow(job, run);
      if (attempt == null) {
        return false;
      }
      JobRun fixed = attempt;
      String name = fixed.id().value() + "-a" + fixed.attempt();
      Optional<Submission> known = submitter.findByName(endpoint, name);
      Submission submission =
          known.orElseGet(() -> submitter.submit(endpoint, requests.forAttempt(job, fixed, name)));
      String why =
          (known.isPresent() ? "re-attached to batch " : "submitted as batch ")
              + submission.id()
              + " on cluster "
              + cluster.get().id();
      boolean recorded = recordSubmitted(fixed, cluster.get(), submission, why, now);
      occupancy.merge(cluster.get().id(), 1, Integer::sum);
      return recorded;
    } catch (SubmitterUnavailableException | SourceUnavailableException e) {
      endAttempt(job, attempt, FailureKind.INFRASTRUCTURE, e, now);
    } catch (SubmissionRejectedException e) {
      endAttempt(job, attempt, FailureKind.JOB, e, now); // refused as asked: retrying cannot help
    }
    return false;
  }

  /**
   * Records the submission. When the run changed since it was read (an operator cancelled it while
   * it was being submitted), the batch just started belongs to nobody: it is stopped, so a
   * cancelled run never keeps running on a cluster.
   */
  private boolean recordSubmitted(
      JobRun run, Cluster cluster, Submission submission, String why, Instant now) {
    try {
      journal.update(run, run.submitted(cluster.id(), submission.id(), now), why);
      return true;
    } catch (VersionConflictException raced) {
      JobRun stored = runs.findRun(run.id()).orElse(null);
      boolean ours =
          stored != null
              && stored.attempt() == run.attempt()
              && submission.id().equals(stored.submissionId());
      if (!ours) {
        try {
          submitter.kill(cluster.endpoint(), submission.id());
        } catch (SubmitterUnavailableException unreachable) {
          // Nothing more to do from here: the batch ends on its own or with its cluster.
        }
      }
      throw raced;
    }
  }

  /**
   * {@code run} with its window fixed: an id window's open high becomes the source's, in a
   * conditional write (on a conflict the run is read again: whoever won fixed it). Null when the
   * source has no row beyond the window's low yet, or the run changed under us.
   */
  private JobRun withFixedWindow(Job job, JobRun run) {
    if (job.extraction() == null
        || job.extraction().watermarkKind() != WatermarkKind.ID
        || !run.window().high().isEmpty()) {
      return run;
    }
    String high = watermarks.highestId(job, run.window().low());
    if (high.equals(run.window().low())) {
      return null; // an empty window: the job refuses one, so the run waits for new rows
    }
    try {
      return journal.update(
          run,
          run.withWindowHigh(high),
          "id window fixed at [" + run.window().low() + ", " + high + ") from the source");
    } catch (VersionConflictException raced) {
      JobRun stored = runs.findRun(run.id()).orElse(null);
      boolean sameAttempt =
          stored != null
              && stored.state() == RunState.SCHEDULED
              && stored.attempt() == run.attempt();
      return sameAttempt && !stored.window().high().isEmpty() ? stored : null;
    }
  }

  /** The failed attempt, retried or given up by the rules, in one conditional write. */
  private void endAttempt(
      Job job, JobRun attempt, FailureKind kind, RuntimeException e, Instant now) {
    JobRun failed = attempt.failed(RunState.FAILED, kind, e.getMessage(), now);
    RetryRules.Decision decision = rules.decide(failed, job.retry());
    journal.update(
        attempt, rules.apply(failed, decision, now), e.getMessage() + "; " + decision.explained());
  }

  /**
   * A READY cluster of the job's pool with room for one more run (the pool's runs per cluster),
   * spread by run id so replicas and runs do not all pile on one.
   */
  private Optional<Cluster> readyCluster(
      Job job, JobRun run, Map<ClusterId, Integer> occupancy, Map<PoolName, List<Cluster>> ready) {
    int room = runsPerCluster.getOrDefault(job.pool(), Integer.MAX_VALUE);
    List<Cluster> withRoom =
        ready
            .computeIfAbsent(
                job.pool(),
                pool ->
                    clusters.findClusters(pool, PageRequest.first(CLUSTERS_READ)).items().stream()
                        .filter(RunDispatcher::takesRuns)
                        .toList())
            .stream()
            .filter(c -> occupancy.computeIfAbsent(c.id(), this::occupying) < room)
            .toList();
    return withRoom.isEmpty()
        ? Optional.empty()
        : Optional.of(withRoom.get(Math.floorMod(run.id().value().hashCode(), withRoom.size())));
  }

  /**
   * Whether no live cluster of any pool is ready with room; then nothing can be dispatched this
   * pass. Only said when all live clusters were read.
   */
  private boolean noClusterHasRoom(Map<ClusterId, Integer> occupancy) {
    Page<Cluster> live = clusters.findLiveClusters(PageRequest.first(CLUSTERS_READ));
    return live.next().isEmpty()
        && live.items().stream()
            .filter(RunDispatcher::takesRuns)
            .noneMatch(
                c ->
                    occupancy.computeIfAbsent(c.id(), this::occupying)
                        < runsPerCluster.getOrDefault(c.pool(), Integer.MAX_VALUE));
  }

  private static boolean takesRuns(Cluster cluster) {
    return cluster.state() == ClusterState.READY && cluster.endpoint() != null;
  }

  private int occupying(ClusterId cluster) {
    return runs.findRunsOccupying(cluster, PageRequest.first(PAGE)).items().size();
  }
}
