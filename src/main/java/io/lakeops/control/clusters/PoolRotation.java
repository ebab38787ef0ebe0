package io.lakeops.control.clusters;

import io.lakeops.control.audit.Attribution;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.SubmitterUnavailableException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replaces clusters make-before-break (a leader-only step of the pass): the replacement is launched
 * first; once it is READY the old cluster drains (takes no new run; its streaming runs are stopped
 * so that they restart on the replacement from their checkpoint; its batch runs may finish within
 * the pool's drain timeout); then it is terminated, and the run monitor moves whatever was still on
 * it. A rotation starts when a cluster passes the pool's maximum age or cron, or when an operator
 * asks; one at a time per pool, and never while the pool is short of its desired count.
 *
 * <p>Every step is a conditional write on the old cluster's record ({@link Cluster.Rotation}), so a
 * console that restarts mid-rotation resumes it, and the replacement's id is chosen before it is
 * launched, so a resumed rotation launches that cluster and no other.
 */
public final class PoolRotation {
  private static final int PAGE = 50;

  private final Map<PoolName, Pool> pools;
  private final ClusterStore clusters;
  private final RunStore runs;
  private final JobStore jobs;
  private final SparkSubmitter submitter;
  private final ClusterLifecycle lifecycle;
  private final LaunchBackoff backoff;

  public PoolRotation(
      List<Pool> pools,
      ClusterStore clusters,
      RunStore runs,
      JobStore jobs,
      SparkSubmitter submitter,
      ClusterLifecycle lifecycle,
      LaunchBackoff backoff) {
    this.pools = pools.stream().collect(Collectors.toMap(Pool::name, Function.identity()));
    this.clusters = clusters;
    this.runs = runs;
    this.jobs = jobs;
    this.submitter = submitter;
    this.lifecycle = lifecycle;
    this.backoff = backoff;
  }

  /**
   * One pass at {@code now}: starts due rotations and moves each one on; how many steps it took.
   */
  public int rotate(Instant now) {
    Map<PoolName, List<Cluster>> live =
        lifecycle.liveClusters().stream().collect(Collectors.groupingBy(Cluster::pool));
    int steps = 0;
    for (Map.Entry<PoolName, List<Cluster>> entry : live.entrySet()) {
      Pool pool = pools.get(entry.getKey());
      if (pool == null) {
        continue; // the reconciler terminates clusters of pools no longer configured
      }
      Optional<Cluster> rotating =
          entry.getValue().stream().filter(c -> c.rotation() != null).findFirst();
      if (rotating.isPresent()) {
        steps += advance(pool, rotating.get(), now) ? 1 : 0;
      } else {
        steps += startDue(pool, entry.getValue(), now) ? 1 : 0;
      }
    }
    return steps;
  }

  private boolean startDue(Pool pool, List<Cluster> live, Instant now) {
    List<Cluster> ready = live.stream().filter(c -> c.state() == ClusterState.READY).toList();
    if (ready.size() < pool.desired()) {
      return false; // short of clusters: healing comes first, rotation waits
    }
    Optional<Cluster> due =
        ready.stream()
            .filter(c -> dueAt(pool, c) != null && !dueAt(pool, c).isAfter(now))
            .min(Comparator.comparing(c -> dueAt(pool, c)));
    if (due.isEmpty()) {
      return false;
    }
    String why =
        pool.rotation().maxAge() != null
                && !due.get().readyAt().plus(pool.rotation().maxAge()).isAfter(now)
            ? "older than the pool's maximum age " + pool.rotation().maxAge()
            : "the pool's rotation cron " + pool.rotation().cron().cron() + " fired";
    Cluster old = due.get();
    return lifecycle
        .change(
            old,
            old.rotating(new Cluster.Rotation(lifecycle.newId(pool.name()), why, now, null)),
            "cluster.rotate",
            system("rotation due: " + why))
        .map(rotating -> advance(pool, rotating, now) || true)
        .orElse(false);
  }

  private static Instant dueAt(Pool pool, Cluster cluster) {
    return pool.rotation().dueAt(cluster.readyAt());
  }

  private boolean advance(Pool pool, Cluster old, Instant now) {
    Cluster.Rotation rotation = old.rotation();
    if (old.state() == ClusterState.DRAINING) {
      return drain(pool, old, now);
    }
    if (old.state() != ClusterState.READY) {
      return false; // terminating: the reconciler sees it through
    }
    if (rotation.replacement() == null) {
      // An operator's request: choose the replacement (kept) before launching it.
      return lifecycle
          .change(
              old,
              old.rotating(rotation.replacedBy(lifecycle.newId(pool.name()))),
              "cluster.rotate",
              system("replacement chosen for: " + rotation.reason()))
          .map(chosen -> advance(pool, chosen, now) || true)
          .orElse(false);
    }
    Optional<Cluster> replacement = clusters.findCluster(rotation.replacement());
    if (replacement.isEmpty()) {
      lifecycle.launch(pool, rotation.replacement(), system("replaces " + old.id()));
      return true;
    }
    ClusterState state = replacement.get().state();
    if (state == ClusterState.READY) {
      return lifecycle
          .change(
              old,
              old.moveTo(
                  ClusterState.DRAINING,
                  "draining: replacement " + rotation.replacement() + " is ready",
                  now),
              "cluster.draining",
              system("rotation: " + rotation.reason()))
          .isPresent();
    }
    if (state.isTerminal() || state == ClusterState.TERMINATING) {
      return replaceTheReplacement(pool, old, replacement.get(), now);
    }
    return false; // still starting
  }

  /** The replacement died before it was READY: choose another, within the pool's launch backoff. */
  private boolean replaceTheReplacement(Pool pool, Cluster old, Cluster dead, Instant now) {
    LaunchBackoff.Verdict verdict =
        backoff.judge(clusters.findClusters(pool.name(), PageRequest.first(20)).items());
    if (!verdict.allows(now)) {
      return false;
    }
    return lifecycle
        .change(
            old,
            old.rotating(old.rotation().replacedBy(lifecycle.newId(pool.name()))),
            "cluster.rotate",
            system("replacement " + dead.id() + " " + dead.state().name().toLowerCase()))
        .map(chosen -> advance(pool, chosen, now) || true)
        .orElse(false);
  }

  /**
   * Stops the draining cluster's streaming runs (they restart on the replacement) and terminates it
   * once its batch runs have finished or its drain timeout has passed.
   */
  private boolean drain(Pool pool, Cluster old, Instant now) {
    List<JobRun> occupying = runs.findRunsOccupying(old.id(), PageRequest.first(PAGE)).items();
    boolean batchRunsLeft = false;
    for (JobRun run : occupying) {
      Optional<Job> job = jobs.findJob(run.jobId());
      if (job.isPresent() && job.get().kind() == JobKind.STREAMING) {
        stop(old, run); // the monitor sees it killed; the keeper restarts it on a READY cluster
      } else {
        batchRunsLeft = true;
      }
    }
    Instant deadline = old.rotation().drainingSince().plus(pool.drainTimeout());
    if (batchRunsLeft && now.isBefore(deadline)) {
      return false;
    }
    String why =
        batchRunsLeft
            ? "drain timeout " + pool.drainTimeout() + " passed; its runs move to the replacement"
            : "drained: no run left on it";
    return lifecycle
        .terminate(old, why, system("rotation: " + old.rotation().reason()))
        .isPresent();
  }

  private void stop(Cluster old, JobRun run) {
    if (old.endpoint() == null || run.submissionId() == null) {
      return;
    }
    try {
      submitter.kill(old.endpoint(), run.submissionId());
    } catch (SubmitterUnavailableException unreachable) {
      // Terminating the cluster ends it anyway.
    }
  }

  private static Attribution system(String reason) {
    return new Attribution(ClusterLifecycle.SYSTEM, reason);
  }
}
