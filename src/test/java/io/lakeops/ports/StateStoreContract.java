package io.lakeops.ports;

import static io.lakeops.testdata.TestClusters.aCluster;
import static io.lakeops.testdata.TestJobs.anExtractionJob;
import static io.lakeops.testdata.TestRuns.aRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterDeath;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.testdata.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StateStore} must have, run against each adapter. Each test gets a
 * fresh, empty store whose clock it moves by hand.
 */
public abstract class StateStoreContract {

  protected final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
  protected StateStore store;

  /** A new, empty store that stamps its writes with {@code clock}. */
  protected abstract StateStore createStore(Clock clock);

  @BeforeEach
  void freshStore() {
    store = createStore(clock);
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  // --- jobs -----------------------------------------------------------------------------------

  @Test
  void aCreatedJobIsStoredAtVersionOneWithItsChangeTime() {
    Job created = store.createJob(anExtractionJob().build());

    assertThat(created.version()).isEqualTo(1);
    assertThat(created.updatedAt()).isEqualTo(clock.instant());
    assertThat(store.findJob(created.id())).contains(created);
  }

  @Test
  void aStreamingJobAndAPausedJobSurviveTheRoundTrip() {
    Job streaming = store.createJob(io.lakeops.testdata.TestJobs.aStreamingJob().paused().build());

    assertThat(store.findJob(streaming.id())).contains(streaming);
    assertThat(streaming.paused()).isTrue();
  }

  @Test
  void creatingAJobWhoseIdIsTakenIsRefused() {
    store.createJob(anExtractionJob().build());

    assertThatThrownBy(() -> store.createJob(anExtractionJob().schedule("every 10m").build()))
        .isInstanceOf(AlreadyExistsException.class);
    assertThat(store.findJob(new JobId("orders-extract")).orElseThrow().schedule().expression())
        .isEqualTo("every 5m");
  }

  @Test
  void anUpdateAtTheStoredVersionMovesToTheNextVersion() {
    Job created = store.createJob(anExtractionJob().build());
    clock.advance(Duration.ofSeconds(5));

    Job updated = store.updateJob(created.withPaused(true));

    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.updatedAt()).isEqualTo(clock.instant());
    assertThat(store.findJob(created.id())).contains(updated);
  }

  @Test
  void aStaleUpdateGetsAConflictAndChangesNothing() {
    Job created = store.createJob(anExtractionJob().build());
    Job updated = store.updateJob(created.withPaused(true));

    assertThatThrownBy(() -> store.updateJob(created.withPaused(false)))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.findJob(created.id())).contains(updated);
  }

  @Test
  void updatingOrDeletingAMissingJobSaysItIsMissing() {
    Job never = anExtractionJob().id("never-stored").build().stored(1, clock.instant());

    assertThatThrownBy(() -> store.updateJob(never)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> store.deleteJob(never.id(), 1)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aDeleteNeedsTheStoredVersion() {
    Job created = store.createJob(anExtractionJob().build());
    store.updateJob(created.withPaused(true));

    assertThatThrownBy(() -> store.deleteJob(created.id(), 1))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.findJob(created.id())).isPresent();

    store.deleteJob(created.id(), 2);
    assertThat(store.findJob(created.id())).isEmpty();
  }

  @Test
  void jobsArePagedInIdOrderWithoutGapsOrRepeats() {
    for (int i = 7; i >= 1; i--) {
      store.createJob(anExtractionJob().id("job-" + i).build());
    }

    List<String> seen = readAll(page -> store.listJobs(page), 3, j -> j.id().value());

    assertThat(seen).containsExactly("job-1", "job-2", "job-3", "job-4", "job-5", "job-6", "job-7");
  }

  @Test
  void jobsAreCountedExactlyUpToTheBoundAndAsMoreBeyond() {
    assertThat(store.countJobs(5)).isEqualTo(BoundedCount.exactly(0));
    for (int i = 1; i <= 7; i++) {
      store.createJob(anExtractionJob().id("job-" + i).build());
    }
    Job last = store.findJob(new JobId("job-7")).orElseThrow();
    store.deleteJob(last.id(), last.version());

    assertThat(store.countJobs(10)).isEqualTo(BoundedCount.exactly(6));
    // A store that keeps the figure may give it exactly; one that counts stops at the bound.
    assertThat(store.countJobs(4))
        .isIn(BoundedCount.exactly(6), new BoundedCount(4, true))
        .hasToString(store.countJobs(4).more() ? "4+" : "6");
  }

  // --- runs -----------------------------------------------------------------------------------

  @Test
  void creatingTheSameRunTwiceIsANoOp() {
    RunStore.Created<JobRun> first = store.createRunIfAbsent(aRun().build());
    JobRun moved =
        store.updateRun(first.value().submitted(new ClusterId("small-1"), "7", clock.instant()));

    RunStore.Created<JobRun> second = store.createRunIfAbsent(aRun().build());

    assertThat(first.created()).isTrue();
    assertThat(first.value().version()).isEqualTo(1);
    assertThat(second.created()).isFalse();
    assertThat(second.value()).isEqualTo(moved);
  }

  @Test
  void aRunKeepsEveryFieldThroughTheStore() {
    JobRun run = store.createRunIfAbsent(aRun().build()).value();
    run = store.updateRun(run.submitted(new ClusterId("small-1"), "42", clock.instant()));
    run = store.updateRun(run.moveTo(RunState.RUNNING, clock.instant()));
    run =
        store.updateRun(
            run.succeeded(
                new RunResult(10, 9, "2026-11-26T12:00:00Z", "{\"ok\":true}", "added: note"),
                clock.instant()));
    JobRun retried =
        store.updateRun(
            run.moveTo(RunState.SCHEDULED, clock.instant())
                .submitted(new ClusterId("small-2"), "43", clock.instant()));
    JobRun failed =
        store.updateRun(
            retried.failed(RunState.FAILED, FailureKind.JOB, "exit code 3", clock.instant()));

    assertThat(store.findRun(run.id())).contains(failed);
    assertThat(failed.attempt()).isEqualTo(2);
    assertThat(failed.failures().job()).isEqualTo(1);
    assertThat(failed.window()).isEqualTo(aRun().build().window());
  }

  @Test
  void twoWritersRacingOnOneRunNeverBothWin() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        JobRun run =
            store
                .createRunIfAbsent(
                    aRun()
                        .at(Instant.parse("2026-11-26T12:00:00Z").plusSeconds(60L * round))
                        .build())
                .value();
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Boolean> writerA =
            racingWriter(start, run.submitted(new ClusterId("small-1"), "1", clock.instant()));
        Callable<Boolean> writerB =
            racingWriter(start, run.submitted(new ClusterId("small-2"), "2", clock.instant()));
        Future<Boolean> a = pool.submit(writerA);
        Future<Boolean> b = pool.submit(writerB);

        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        JobRun stored = store.findRun(run.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.cluster().value()).isEqualTo(a.get() ? "small-1" : "small-2");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Callable<Boolean> racingWriter(CyclicBarrier start, JobRun change) {
    return () -> {
      start.await();
      try {
        store.updateRun(change);
        return true;
      } catch (VersionConflictException lost) {
        return false;
      }
    };
  }

  @Test
  void runsAreFoundByStateJobAndClusterNewestFirstAndPaged() {
    Instant noon = Instant.parse("2026-11-26T12:00:00Z");
    for (int i = 0; i < 5; i++) {
      JobRun run = store.createRunIfAbsent(aRun().at(noon.plusSeconds(300L * i)).build()).value();
      if (i % 2 == 0) {
        store.updateRun(run.submitted(new ClusterId("small-1"), "b" + i, clock.instant()));
      }
    }
    store.createRunIfAbsent(aRun().job("other").at(noon).build());

    assertThat(
            readAll(
                p -> store.findRuns(RunQuery.byJob(new JobId("orders-extract")), p),
                2,
                this::minuteOf))
        .containsExactly("12:20", "12:15", "12:10", "12:05", "12:00");
    assertThat(
            readAll(
                p -> store.findRuns(RunQuery.byState(RunState.SUBMITTED), p), 2, this::minuteOf))
        .containsExactly("12:20", "12:10", "12:00");
    assertThat(
            readAll(
                p -> store.findRuns(RunQuery.byCluster(new ClusterId("small-1")), p),
                1,
                this::minuteOf))
        .containsExactly("12:20", "12:10", "12:00");
    assertThat(readAll(p -> store.findRuns(RunQuery.ALL, p), 4, r -> r.id().value())).hasSize(6);
    assertThat(
            readAll(
                p ->
                    store.findRuns(
                        new RunQuery(
                            java.util.Optional.of(RunState.SCHEDULED),
                            java.util.Optional.of(new JobId("orders-extract")),
                            java.util.Optional.empty()),
                        p),
                1,
                this::minuteOf))
        .containsExactly("12:15", "12:05");
  }

  @Test
  void onlySubmittedAndRunningRunsOccupyACluster() {
    ClusterId cluster = new ClusterId("small-1");
    JobRun submitted = store.createRunIfAbsent(aRun().at("2026-11-26T12:00:00Z").build()).value();
    submitted = store.updateRun(submitted.submitted(cluster, "1", clock.instant()));
    JobRun running = store.createRunIfAbsent(aRun().at("2026-11-26T12:05:00Z").build()).value();
    running = store.updateRun(running.submitted(cluster, "2", clock.instant()));
    running = store.updateRun(running.moveTo(RunState.RUNNING, clock.instant()));
    JobRun done = store.createRunIfAbsent(aRun().at("2026-11-26T12:10:00Z").build()).value();
    done = store.updateRun(done.submitted(cluster, "3", clock.instant()));
    store.updateRun(done.succeeded(new RunResult(1, 1, "x", "{}", ""), clock.instant()));
    JobRun elsewhere = store.createRunIfAbsent(aRun().at("2026-11-26T12:15:00Z").build()).value();
    store.updateRun(elsewhere.submitted(new ClusterId("small-2"), "4", clock.instant()));

    assertThat(readAll(p -> store.findRunsOccupying(cluster, p), 1, r -> r.id().value()))
        .containsExactlyInAnyOrder(submitted.id().value(), running.id().value());

    store.updateRun(
        running.failed(RunState.LOST, FailureKind.INFRASTRUCTURE, "cluster died", clock.instant()));
    assertThat(readAll(p -> store.findRunsOccupying(cluster, p), 10, r -> r.id().value()))
        .containsExactly(submitted.id().value());
  }

  // --- clusters -------------------------------------------------------------------------------

  @Test
  void clustersAreWrittenConditionallyAndListedByPoolNewestFirst() {
    Cluster first = store.createCluster(aCluster().id("small-1").build());
    Cluster second =
        store.createCluster(
            aCluster().id("small-2").requestedAt(Instant.parse("2026-11-26T11:30:00Z")).build());
    store.createCluster(aCluster().id("large-1").pool("large").build());
    Cluster starting =
        store.updateCluster(first.moveTo(ClusterState.STARTING, "bootstrapping", clock.instant()));

    assertThatThrownBy(() -> store.createCluster(aCluster().id("small-1").build()))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(
            () -> store.updateCluster(first.moveTo(ClusterState.FAILED, "x", clock.instant())))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.findCluster(first.id())).contains(starting);
    assertThat(readAll(p -> store.findClusters(new PoolName("small"), p), 1, c -> c.id().value()))
        .containsExactly("small-2", "small-1");
    assertThat(second.marketMix()).isEqualTo(MarketMix.UNKNOWN);
  }

  @Test
  void liveClustersLeaveOutTerminatedAndFailedOnes() {
    Cluster a = store.createCluster(aCluster().id("small-1").build());
    store.createCluster(aCluster().id("small-2").build());
    Cluster c = store.createCluster(aCluster().id("small-3").build());
    store.updateCluster(a.moveTo(ClusterState.FAILED, "spot lost", clock.instant()));
    Cluster terminating =
        store.updateCluster(c.moveTo(ClusterState.TERMINATING, "rotated", clock.instant()));
    store.updateCluster(terminating.moveTo(ClusterState.TERMINATED, "rotated", clock.instant()));

    assertThat(readAll(p -> store.findLiveClusters(p), 1, x -> x.id().value()))
        .containsExactly("small-2");
  }

  @Test
  void aClustersDeathIsKeptWithItsTimesAndSignalOrLeftOutWhenUnknown() {
    Cluster ready = store.createCluster(aCluster().id("small-1").ready("http://127.0.0.1:9"));
    Instant died = Instant.parse("2026-11-26T11:59:51Z");
    Cluster failed =
        store.updateCluster(
            ready
                .moveTo(ClusterState.FAILED, "INSTANCE_FAILURE", clock.instant())
                .died(new ClusterDeath(died, clock.instant(), ClusterDeath.Signal.EVENT)));
    Cluster unknown =
        store.updateCluster(
            store
                .createCluster(aCluster().id("small-2").ready("http://127.0.0.1:9"))
                .moveTo(ClusterState.FAILED, "gone", clock.instant())
                .died(new ClusterDeath(null, clock.instant(), ClusterDeath.Signal.POLL)));

    assertThat(store.findCluster(failed.id()).orElseThrow().death())
        .isEqualTo(new ClusterDeath(died, clock.instant(), ClusterDeath.Signal.EVENT));
    assertThat(store.findCluster(unknown.id()).orElseThrow().death().diedAt()).isNull();
    assertThat(store.findCluster(unknown.id()).orElseThrow().death().signal())
        .isEqualTo(ClusterDeath.Signal.POLL);
    assertThat(store.findCluster(ready.id()).orElseThrow().version()).isEqualTo(2);
  }

  // --- leases ---------------------------------------------------------------------------------

  @Test
  void aLeaseIsHeldByOneHolderUntilItExpires() {
    Duration ttl = Duration.ofSeconds(30);

    assertThat(store.tryAcquire("scheduler", "console-a", ttl, clock.instant())).isPresent();
    assertThat(store.tryAcquire("scheduler", "console-b", ttl, clock.instant())).isEmpty();
    clock.advance(Duration.ofSeconds(20));
    assertThat(store.tryAcquire("scheduler", "console-a", ttl, clock.instant()))
        .hasValueSatisfying(l -> assertThat(l.expiresAt()).isEqualTo(clock.instant().plus(ttl)));
    clock.advance(Duration.ofSeconds(20));
    assertThat(store.tryAcquire("scheduler", "console-b", ttl, clock.instant())).isEmpty();
    clock.advance(Duration.ofSeconds(11));
    assertThat(store.tryAcquire("scheduler", "console-b", ttl, clock.instant())).isPresent();
    assertThat(store.findLease("scheduler").orElseThrow().holder()).isEqualTo("console-b");
  }

  @Test
  void onlyTheHolderReleasesALease() {
    store.tryAcquire("scheduler", "console-a", Duration.ofMinutes(1), clock.instant());

    store.release("scheduler", "console-b");
    assertThat(store.tryAcquire("scheduler", "console-b", Duration.ofMinutes(1), clock.instant()))
        .isEmpty();

    store.release("scheduler", "console-a");
    assertThat(store.tryAcquire("scheduler", "console-b", Duration.ofMinutes(1), clock.instant()))
        .isPresent();
  }

  @Test
  void twoReplicasRacingForAFreeLeaseGetOneHolder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String name = "race-" + round;
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Boolean> a =
            pool.submit(
                () -> {
                  start.await();
                  return store
                      .tryAcquire(name, "a", Duration.ofMinutes(1), clock.instant())
                      .isPresent();
                });
        Future<Boolean> b =
            pool.submit(
                () -> {
                  start.await();
                  return store
                      .tryAcquire(name, "b", Duration.ofMinutes(1), clock.instant())
                      .isPresent();
                });
        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // --- change feed ----------------------------------------------------------------------------

  @Test
  void theChangeFeedShowsEachRecordAtItsLatestVersionSinceAMoment() {
    Instant start = clock.instant();
    Job job = store.createJob(anExtractionJob().build());
    clock.advance(Duration.ofSeconds(1));
    Job paused = store.updateJob(job.withPaused(true));
    clock.advance(Duration.ofSeconds(1));
    store.createRunIfAbsent(aRun().build());

    List<Change> jobChanges =
        readAll(p -> store.changesSince(EntityKind.JOB, start, p), 10, c -> c);
    assertThat(jobChanges).hasSize(1);
    assertThat(jobChanges.get(0).version()).isEqualTo(2);
    assertThat(jobChanges.get(0).changedAt()).isEqualTo(paused.updatedAt());
    assertThat(jobChanges.get(0).entity()).isEqualTo(paused);
    assertThat(readAll(p -> store.changesSince(EntityKind.JOB, clock.instant(), p), 10, c -> c))
        .isEmpty();
    assertThat(readAll(p -> store.changesSince(EntityKind.RUN, start, p), 10, Change::id))
        .containsExactly(aRun().build().id().value());
  }

  @Test
  void theChangeFeedPagesInChangeOrderAcrossDays() {
    Instant start = clock.instant();
    for (int i = 0; i < 9; i++) {
      store.createCluster(aCluster().id("c-" + i).build());
      clock.advance(Duration.ofHours(7));
    }

    assertThat(readAll(p -> store.changesSince(EntityKind.CLUSTER, start, p), 2, Change::id))
        .containsExactly("c-0", "c-1", "c-2", "c-3", "c-4", "c-5", "c-6", "c-7", "c-8");
    assertThat(
            readAll(
                p -> store.changesSince(EntityKind.CLUSTER, start.plus(Duration.ofHours(35)), p),
                2,
                Change::id))
        .containsExactly("c-5", "c-6", "c-7", "c-8");
  }

  @Test
  void theStoreSaysItIsReachable() {
    assertThat(store.isReachable()).isTrue();
  }

  // --- helpers --------------------------------------------------------------------------------

  private String minuteOf(JobRun run) {
    return run.scheduledFor().toString().substring(11, 16);
  }

  /** Reads every page, checking that no page is larger than asked. */
  protected static <T, R> List<R> readAll(
      Function<PageRequest, Page<T>> query, int pageSize, Function<T, R> map) {
    List<R> all = new ArrayList<>();
    PageRequest request = PageRequest.first(pageSize);
    for (int pages = 0; pages < 1000; pages++) {
      Page<T> page = query.apply(request);
      assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
      page.items().forEach(item -> all.add(map.apply(item)));
      if (page.next().isEmpty()) {
        return all;
      }
      request = PageRequest.after(pageSize, page.next().get());
    }
    throw new AssertionError("paging never ended");
  }
}
