package io.lakeops.control.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.Freshness;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.StateStore;
import io.lakeops.ports.StreamingProgress;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.TestJobs;
import io.lakeops.testdata.TestRuns;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dashboard's reading of the lake, over the embedded store. */
class LakeOverviewTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:03:00Z");
  private final StateStore store = EmbeddedStores.fresh(clock).state();
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void aJobWhoseLatestRunFailedIsShownFirstEvenBeyondTheFirstJobsById() {
    for (int i = 0; i < 60; i++) {
      store.createJob(TestJobs.anExtractionJob().id(String.format("extract-%02d", i)).build());
    }
    store.createJob(TestJobs.anExtractionJob().id("zz-failing").build());
    failed(store.createRunIfAbsent(run("zz-failing", "12:00:00")).value());

    LakeOverview.Reading reading = overview(progressOf(Optional.empty())).read();

    assertThat(reading.jobs()).hasSize(LakeOverview.JOBS);
    assertThat(reading.jobs().get(0).job().id()).isEqualTo(new JobId("zz-failing"));
    assertThat(reading.jobs().get(0).lastRun().orElseThrow().state()).isEqualTo(RunState.FAILED);
    assertThat(reading.jobs().get(1).job().id()).isEqualTo(new JobId("extract-00"));
    assertThat(reading.moreJobs()).isTrue();
  }

  @Test
  void freshnessComesFromTheNewestSucceededWindowEvenOneOlderThanTheRunsRead() {
    store.createJob(TestJobs.anExtractionJob().id("orders").build());
    store.createJob(TestJobs.anExtractionJob().id("busy").schedule("every 1m").build());
    succeeded(store.createRunIfAbsent(run("orders", "11:55:00")).value());
    succeeded(store.createRunIfAbsent(run("orders", "12:00:00")).value());
    failed(store.createRunIfAbsent(run("orders", "12:05:00")).value());
    // Enough newer runs of another job that the orders' success is not among those read.
    Instant t = Instant.parse("2026-12-01T12:06:00Z"); // created after the orders runs
    for (int i = 0; i < LakeOverview.RECENT_RUNS; i++) {
      store.createRunIfAbsent(TestRuns.aRun().job("busy").at(t.plusSeconds(60L * i)).build());
    }

    JobFacts orders = factsOf(overview(progressOf(Optional.empty())).read(), "orders");

    assertThat(orders.recentRuns()).as("none of its runs are among the newest").isEmpty();
    assertThat(orders.lastSucceeded().orElseThrow().scheduledFor())
        .isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    Freshness freshness = orders.freshness().orElseThrow();
    assertThat(freshness.status()).isEqualTo(Freshness.Status.ON_TIME);
    assertThat(freshness.asOf()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
  }

  @Test
  void aStreamingJobCarriesItsProgressAndNoFreshness() {
    store.createJob(TestJobs.aStreamingJob().build());
    var report = new StreamingProgress.Report(clock.instant(), 0, 0, List.of());

    JobFacts stream = factsOf(overview(progressOf(Optional.of(report))).read(), "clicks-stream");

    assertThat(stream.progress()).contains(report);
    assertThat(stream.freshness()).isEmpty();
  }

  @Test
  void theStoreReadsAreBoundedWhateverTheNumberOfJobsAndRuns() {
    int jobs = 120;
    for (int i = 0; i < jobs; i++) {
      String id = String.format("job-%03d", i);
      store.createJob(TestJobs.anExtractionJob().id(id).build());
      for (int w = 0; w < 3; w++) {
        JobRun run = store.createRunIfAbsent(run(id, "11:5" + w + ":00")).value();
        if (i % 2 == 0) {
          failed(run);
        }
      }
    }

    overview(progressOf(Optional.empty())).read();

    // Two listings, a job read for each failing job shown and a success read for each job shown.
    assertThat(reads.get()).isLessThanOrEqualTo(2 + 2 * LakeOverview.JOBS);
  }

  private LakeOverview overview(StreamingProgress progress) {
    Object counting =
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {StateStore.class},
            (proxy, method, args) -> {
              reads.incrementAndGet();
              try {
                return method.invoke(store, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
    StateStore counted = (StateStore) counting;
    return new LakeOverview((JobStore) counted, (RunStore) counted, progress, clock);
  }

  private static StreamingProgress progressOf(Optional<StreamingProgress.Report> report) {
    return job -> report;
  }

  private static JobFacts factsOf(LakeOverview.Reading reading, String job) {
    return reading.jobs().stream()
        .filter(f -> f.job().id().value().equals(job))
        .findFirst()
        .orElseThrow();
  }

  private static JobRun run(String job, String time) {
    return TestRuns.aRun().job(job).at("2026-12-01T" + time + "Z").build();
  }

  private void failed(JobRun run) {
    JobRun submitted = store.updateRun(run.submitted(new ClusterId("c-1"), "7", clock.instant()));
    store.updateRun(submitted.failed(RunState.FAILED, FailureKind.JOB, "boom", clock.instant()));
  }

  private void succeeded(JobRun run) {
    JobRun submitted = store.updateRun(run.submitted(new ClusterId("c-1"), "8", clock.instant()));
    JobRun running = store.updateRun(submitted.moveTo(RunState.RUNNING, clock.instant()));
    store.updateRun(running.succeeded(new RunResult(10, 10, "", "", ""), clock.instant()));
  }
}
