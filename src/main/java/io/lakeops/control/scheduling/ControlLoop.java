package io.lakeops.control.scheduling;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.clusters.ClusterHealth;
import io.lakeops.control.clusters.ClusterLifecycle;
import io.lakeops.control.clusters.PoolReconciler;
import io.lakeops.control.clusters.PoolRotation;
import io.lakeops.control.runs.RetryRules;
import io.lakeops.control.runs.RunDispatcher;
import io.lakeops.control.runs.RunJournal;
import io.lakeops.control.runs.RunMonitor;
import io.lakeops.control.runs.SubmitRequests;
import io.lakeops.domain.Pool;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ClusterSignal;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.SourceWatermarks;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * One pass of the leader's work, in the order that lets a run go furthest in one pass: repair the
 * due index, keep the pools' clusters (record deaths, launch replacements), turn due windows into
 * runs, follow submitted runs (a failed attempt, or one whose cluster died, may go back to
 * SCHEDULED), move rotations on, then dispatch what is scheduled. A replica that does not hold the
 * leader lease does nothing. Each step fails on its own: a broken step is reported and the others
 * still run.
 *
 * <p>When this replica becomes leader it first reconciles every job's due entry ({@link
 * ScheduleRepair#sweepAll}), which catches anything a previous leader left half done; while it
 * stays leader it follows the job change feed every {@code repairEvery}, from where the last repair
 * started minus {@code repairOverlap} (writers' clocks lag a little).
 */
public final class ControlLoop implements AutoCloseable {
  private final LeaderLease lease;
  private final PoolReconciler reconciler;
  private final PoolRotation rotation;
  private final ScheduleRepair repair;
  private final ExtractionScheduler scheduler;
  private final RunMonitor monitor;
  private final RunDispatcher dispatcher;
  private final Duration repairEvery;
  private final Duration repairOverlap;

  private volatile boolean leading;
  private Instant repairedFrom;

  public ControlLoop(
      LeaderLease lease,
      PoolReconciler reconciler,
      PoolRotation rotation,
      ScheduleRepair repair,
      ExtractionScheduler scheduler,
      RunMonitor monitor,
      RunDispatcher dispatcher,
      Duration repairEvery,
      Duration repairOverlap) {
    this.lease = lease;
    this.reconciler = reconciler;
    this.rotation = rotation;
    this.repair = repair;
    this.scheduler = scheduler;
    this.monitor = monitor;
    this.dispatcher = dispatcher;
    this.repairEvery = repairEvery;
    this.repairOverlap = repairOverlap;
  }

  /**
   * The leader pass a console builds over its stores, clusters and cluster endpoints: {@code
   * timing.holder()} names this replica in the lease.
   */
  public static ControlLoop over(
      StateStore store,
      ScheduleStore schedule,
      AuditTrail audit,
      SparkSubmitter submitter,
      SubmitRequests requests,
      RunResults results,
      SourceWatermarks watermarks,
      SchedulerSettings settings,
      Clusters clusters,
      Timing timing) {
    RetryRules rules = new RetryRules();
    RunJournal journal = new RunJournal(store, audit);
    StreamingKeeper keeper = new StreamingKeeper(schedule, store, audit, settings);
    ClusterLifecycle lifecycle =
        new ClusterLifecycle(store, clusters.provider(), audit, clusters.clock());
    return new ControlLoop(
        new LeaderLease(store, timing.holder(), timing.leaseTtl()),
        new PoolReconciler(
            clusters.pools(),
            store,
            clusters.provider(),
            submitter,
            lifecycle,
            clusters.judged(),
            clusters.health()),
        new PoolRotation(
            clusters.pools(),
            store,
            store,
            store,
            submitter,
            lifecycle,
            clusters.judged().backoff()),
        new ScheduleRepair(store, store, new ScheduleEntries(schedule, store)),
        new ExtractionScheduler(schedule, store, store, keeper, audit, settings),
        new RunMonitor(store, store, store, submitter, results, rules, journal),
        new RunDispatcher(
            clusters.pools(), store, store, store, submitter, requests, watermarks, rules, journal),
        timing.repairEvery(),
        timing.repairOverlap());
  }

  /**
   * The clusters the pass keeps: where they come from, the pools, and how they are judged.
   *
   * @param health where the reconciler's Livy pings are kept, for the clusters page
   * @param clock the time of cluster records' requests and changes
   */
  public record Clusters(
      ClusterProvider provider,
      List<Pool> pools,
      PoolReconciler.Settings judged,
      ClusterHealth health,
      Clock clock) {}

  /**
   * Who leads and how the due index is mended.
   *
   * @param holder this replica's name in the leader lease
   * @param leaseTtl how long the lease lasts without renewal
   * @param repairEvery how often the change feed is followed while leading
   * @param repairOverlap how far before the previous repair the next one reads
   */
  public record Timing(
      String holder, Duration leaseTtl, Duration repairEvery, Duration repairOverlap) {}

  /** One pass at {@code now}; what it did. */
  public PassReport pass(Instant now) {
    return pass(now, Map.of());
  }

  /**
   * One pass at {@code now}, made at once because of {@code signals} (by provider id): the same
   * pass, whose describe checks what the signals claim before anything is done.
   */
  public synchronized PassReport pass(Instant now, Map<String, ClusterSignal> signals) {
    if (!lease.renew(now)) {
      leading = false;
      return PassReport.FOLLOWER;
    }
    List<StepFailure> failures = new ArrayList<>();
    int repaired = repairIndex(now, failures); // first: it reads its own failures so far
    int clustersChanged = step("clusters", () -> reconciler.reconcile(now, signals), failures);
    TickReport tick = null;
    try {
      tick = scheduler.tick(now);
    } catch (RuntimeException e) {
      failures.add(new StepFailure("tick", e));
    }
    int changed = step("monitor", () -> monitor.poll(now), failures);
    int rotated = step("rotation", () -> rotation.rotate(now), failures);
    int dispatched = step("dispatch", () -> dispatcher.dispatch(now), failures);
    return new PassReport(
        true,
        clustersChanged + rotated,
        repaired,
        tick,
        changed,
        dispatched,
        List.copyOf(failures));
  }

  /** Whether this replica led at its last pass; read without waiting for a pass to end. */
  public boolean leading() {
    return leading;
  }

  /** Steps down: gives the lease up so another replica leads at once. */
  public synchronized void stepDown() {
    lease.release(); // a no-op unless this replica holds it
    leading = false;
  }

  /** Steps down and stops the tick's threads; for shutdown. */
  @Override
  public synchronized void close() {
    try {
      stepDown();
    } finally {
      scheduler.close();
    }
  }

  private int repairIndex(Instant now, List<StepFailure> failures) {
    if (!leading) {
      int swept = step("sweep", () -> repair.sweepAll(now), failures);
      if (failures.isEmpty()) {
        leading = true; // swept: from now on the change feed is enough
        repairedFrom = now;
      }
      return swept;
    }
    if (now.isBefore(repairedFrom.plus(repairEvery))) {
      return 0;
    }
    Instant from = repairedFrom.minus(repairOverlap);
    int repaired = step("repair", () -> repair.changedSince(from, now), failures);
    if (failures.isEmpty()) {
      repairedFrom = now;
    }
    return repaired;
  }

  private static int step(String name, IntSupplier work, List<StepFailure> failures) {
    try {
      return work.getAsInt();
    } catch (RuntimeException e) {
      failures.add(new StepFailure(name, e));
      return 0;
    }
  }

  /**
   * What a pass did.
   *
   * @param leader whether this replica held the lease (a follower does nothing else)
   * @param clusterSteps clusters launched, changed, failed or moved on in a rotation
   * @param reconciled due entries reconciled by the sweep or the change-feed repair
   * @param tick the tick's report; null when the tick failed
   * @param runsChanged runs the monitor moved on
   * @param runsDispatched runs submitted or re-attached
   * @param failures steps that failed, with their reason; the next pass tries again
   */
  public record PassReport(
      boolean leader,
      int clusterSteps,
      int reconciled,
      TickReport tick,
      int runsChanged,
      int runsDispatched,
      List<StepFailure> failures) {
    static final PassReport FOLLOWER = new PassReport(false, 0, 0, null, 0, 0, List.of());
  }
}
