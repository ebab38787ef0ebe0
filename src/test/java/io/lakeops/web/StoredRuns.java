package io.lakeops.web;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.ports.StateStore;
import io.lakeops.testdata.TestClusters;
import io.lakeops.testdata.TestRuns;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * Jobs and runs for the console's run tests, put straight into the application's store: a job
 * through the API (so it has its due-index entry), its runs in the state a test needs.
 */
@ApplicationScoped
class StoredRuns {
  /** A cron that fires once a year: no scheduled window comes due while a test runs. */
  static final String YEARLY = "cron 0 0 1 1 *";

  private final StateStore store;

  StoredRuns(StateStore store) {
    this.store = store;
  }

  /** A new extraction job, scheduled once a year, under a fresh id. */
  static String job(String prefix) {
    String id = JobJson.uniqueId(prefix);
    Map<String, Object> job = JobJson.extraction(id);
    job.put("schedule", YEARLY);
    JobsApiTest.create(job);
    return id;
  }

  JobRun scheduled(String job) {
    return scheduled(job, "2026-11-26T12:00:00Z");
  }

  JobRun scheduled(String job, String isoInstant) {
    return store.createRunIfAbsent(TestRuns.aRun().job(job).at(isoInstant).build()).value();
  }

  JobRun moved(JobRun run, RunState state) {
    return store.updateRun(run.moveTo(state, Instant.now()));
  }

  JobRun submitted(JobRun run, String cluster, String batch) {
    return store.updateRun(run.submitted(new ClusterId(cluster), batch, Instant.now()));
  }

  JobRun failed(JobRun run, String why) {
    JobRun submitted = submitted(run, "gone-cluster", "3");
    return store.updateRun(submitted.failed(RunState.FAILED, FailureKind.JOB, why, Instant.now()));
  }

  JobRun succeeded(JobRun run, String qualityReport) {
    JobRun running = moved(submitted(run, "gone-cluster", "4"), RunState.RUNNING);
    return store.updateRun(
        running.succeeded(
            new RunResult(120, 118, "2026-11-26T11:59:58Z", qualityReport, "added column note"),
            Instant.now()));
  }

  /** A READY cluster whose Livy endpoint answers nothing (a closed port). */
  Cluster unreachableCluster(String id) {
    return store.createCluster(
        TestClusters.aCluster().id(id).requestedAt(Instant.now()).ready("http://127.0.0.1:1"));
  }

  JobRun reload(JobRun run) {
    return store.findRun(run.id()).orElseThrow();
  }
}
