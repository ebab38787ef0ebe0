package io.lakeops.control.runs;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.SourceWatermarks;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.FakeSparkSubmitter;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.TestJobs;
import io.lakeops.testdata.TestPools;
import io.lakeops.testdata.TestRuns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stores, fake endpoint, job, READY cluster and first run the dispatcher and monitor tests
 * share.
 */
final class RunLoopsFixture {
  final MutableClock clock = MutableClock.at("2026-11-26T12:00:05Z");
  final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  final FakeSparkSubmitter livy = new FakeSparkSubmitter();
  final RetryRules rules = new RetryRules();
  final List<Pool> pools = List.of(TestPools.aPool().concurrentRuns(2).build());
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final RunJournal journal =
      new RunJournal(stores.state(), new AuditTrail(audit, DomainJson::write));
  final List<SubmitRequest> requested = new ArrayList<>();
  final SubmitRequests requests =
      (job, run, name) -> {
        SubmitRequest request =
            new SubmitRequest(
                name,
                "/jobs.jar",
                "io.lakeops.jobs.Main",
                List.of(run.window().low(), run.window().high()),
                Map.of());
        requested.add(request);
        return request;
      };

  /**
   * The source's answer to "highest id" (see {@link SourceWatermarks}), and the lows it was asked.
   */
  Function<String, String> highestId = low -> low;

  final List<String> sourceAsked = new ArrayList<>();
  final SourceWatermarks watermarks =
      (job, low) -> {
        sourceAsked.add(low);
        return highestId.apply(low);
      };

  RunLoopsFixture() {
    stores.state().createJob(TestJobs.anExtractionJob().build());
  }

  Cluster readyCluster(String id) {
    Instant at = clock.instant();
    return stores
        .state()
        .createCluster(
            new Cluster(
                new ClusterId(id),
                new PoolName("small"),
                "local-" + id,
                ClusterState.READY,
                "http://127.0.0.1:8998",
                MarketMix.UNKNOWN,
                null,
                at,
                at,
                null,
                null,
                null,
                0,
                null));
  }

  JobRun scheduledRun() {
    return stores.state().createRunIfAbsent(TestRuns.aRun().build()).value();
  }

  /**
   * The fixture's job read by increasing id instead of by update time, a READY cluster, and a
   * scheduled run over the id window starting at {@code low} whose high is still open.
   */
  JobRun idRunWithAReadyCluster(String low) {
    Job stored = stores.state().listJobs(PageRequest.first(1)).items().get(0);
    stores
        .state()
        .updateJob(
            TestJobs.anExtractionJob()
                .idWatermark()
                .build()
                .stored(stored.version(), stored.updatedAt()));
    readyCluster("small-1");
    return stores.state().createRunIfAbsent(TestRuns.aRun().window(low, "").build()).value();
  }

  JobRun reload(JobRun run) {
    return stores.state().findRun(run.id()).orElseThrow();
  }

  RunDispatcher dispatcher() {
    return dispatcher(stores.state());
  }

  /** A dispatcher reading jobs through {@code jobs}, say to count the reads. */
  RunDispatcher dispatcher(JobStore jobs) {
    return new RunDispatcher(
        pools, jobs, stores.state(), stores.state(), livy, requests, watermarks, rules, journal);
  }
}
