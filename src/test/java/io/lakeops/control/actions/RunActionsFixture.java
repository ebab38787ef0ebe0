package io.lakeops.control.actions;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.AuditEntry;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.FakeSparkSubmitter;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.TestClusters;
import io.lakeops.testdata.TestRuns;
import java.util.List;

/** The stores, audit log, fake endpoint and runs in each state that the run-action tests share. */
final class RunActionsFixture {
  static final Attribution OPERATOR = new Attribution("olga", "ticket OPS-12");
  static final String ENDPOINT = "http://127.0.0.1:8998";

  final MutableClock clock = MutableClock.at("2026-11-26T12:02:30Z");
  final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  final InMemoryAuditLog auditLog = new InMemoryAuditLog();
  final AuditTrail audit = new AuditTrail(auditLog, DomainJson::write);
  final FakeSparkSubmitter livy = new FakeSparkSubmitter();

  Job define(Job job) {
    return stores.state().createJob(job);
  }

  JobRun scheduled(String job, String at) {
    return stores.state().createRunIfAbsent(TestRuns.aRun().job(job).at(at).build()).value();
  }

  Cluster readyCluster(String id) {
    return stores
        .state()
        .createCluster(TestClusters.aCluster().id(id).requestedAt(clock.instant()).ready(ENDPOINT));
  }

  /** A run submitted to {@code cluster} as a batch the fake endpoint knows, now running. */
  JobRun running(JobRun run, Cluster cluster) {
    String batch = livy.known(run.id() + "-a" + run.attempt()).id();
    JobRun submitted =
        stores.state().updateRun(run.submitted(cluster.id(), batch, clock.instant()));
    return stores.state().updateRun(submitted.moveTo(RunState.RUNNING, clock.instant()));
  }

  /** A run whose attempt failed for good with {@code why}. */
  JobRun failed(JobRun run, String why) {
    JobRun submitted =
        stores.state().updateRun(run.submitted(new ClusterId("gone-1"), "b9", clock.instant()));
    return stores
        .state()
        .updateRun(submitted.failed(RunState.FAILED, FailureKind.JOB, why, clock.instant()));
  }

  JobRun reload(JobRun run) {
    return stores.state().findRun(run.id()).orElseThrow();
  }

  List<AuditEntry> audited() {
    return auditLog.entries();
  }
}
