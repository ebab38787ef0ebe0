package io.lakeops.control.scheduling;

import static io.lakeops.testdata.TestJobs.anExtractionJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.runs.SubmitRequests;
import io.lakeops.control.scheduling.ControlLoop.PassReport;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.SubmissionState;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.FakeSparkSubmitter;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.ScriptedClusterProvider;
import io.lakeops.testdata.TestClusters;
import io.lakeops.testdata.TestPools;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The leader's pass over the embedded stores: leadership, index repair, and a run's whole way. */
class ControlLoopTest {
  private static final SchedulerSettings SETTINGS =
      new SchedulerSettings(3, 10, Duration.ofMinutes(1), 3, Duration.ofMinutes(30), 2);
  private static final RunId FIRST_WINDOW =
      RunId.of(new JobId("orders-extract"), Instant.parse("2026-11-26T12:05:00Z"));

  private final MutableClock clock = MutableClock.at("2026-11-26T12:01:30Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  private final FakeSparkSubmitter livy = new FakeSparkSubmitter();
  private final ScriptedClusterProvider provider = new ScriptedClusterProvider();
  private final AuditTrail audit = new AuditTrail(new InMemoryAuditLog(), DomainJson::write);
  private final SubmitRequests requests =
      (job, run, name) -> new SubmitRequest(name, "/jobs.jar", "Main", List.of(), Map.of());
  private final RunResults manifests =
      run ->
          Optional.of(
              new RunResults.Manifest(
                  true, null, new RunResult(7, 7, "2026-11-26 12:04:59", "{}", "")));

  private ControlLoop replica(String name, ScheduleStore schedule) {
    return ControlLoop.over(
        stores.state(),
        schedule,
        audit,
        livy,
        requests,
        manifests,
        (job, low) -> {
          throw new AssertionError("only id windows ask the source");
        },
        SETTINGS,
        LeaderPasses.clusters(provider, List.of(TestPools.aPool().desired(0).build()), clock),
        new ControlLoop.Timing(
            name, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(1)));
  }

  private final ControlLoop a = replica("replica-a", stores.schedule());
  private final ControlLoop b = replica("replica-b", stores.schedule());

  @AfterEach
  void closeReplicas() {
    a.close();
    b.close();
  }

  private PassReport passAt(ControlLoop replica, String isoInstant) {
    clock.set(Instant.parse(isoInstant));
    return replica.pass(clock.instant());
  }

  @Test
  void aJobWrittenBehindTheIndexIsScheduledSubmittedAndFollowedToSuccessByTheLeaderAlone() {
    stores.state().createJob(anExtractionJob().build()); // no due entry: the sweep must add it
    readyCluster();

    assertThat(passAt(a, "2026-11-26T12:01:30Z").reconciled()).isEqualTo(1);
    assertThat(passAt(b, "2026-11-26T12:01:31Z")).isEqualTo(PassReport.FOLLOWER);

    PassReport due = passAt(a, "2026-11-26T12:05:01Z");
    assertThat(due.tick().runsCreated()).isEqualTo(1);
    assertThat(due.runsDispatched()).isEqualTo(1); // created and sent in the same pass
    assertThat(run(FIRST_WINDOW).state()).isEqualTo(RunState.SUBMITTED);
    assertThat(passAt(b, "2026-11-26T12:05:02Z").leader()).isFalse();

    livy.set(run(FIRST_WINDOW).submissionId(), SubmissionState.SUCCEEDED);
    assertThat(passAt(a, "2026-11-26T12:05:06Z").runsChanged()).isEqualTo(1);
    assertThat(run(FIRST_WINDOW).state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(run(FIRST_WINDOW).result().rowsRead()).isEqualTo(7);
    assertThat(livy.submittedNames()).containsExactly(FIRST_WINDOW.value() + "-a1");
  }

  @Test
  void steppingDownHandsTheLeadOverAtOnceAndTheNewLeaderSweepsFirst() {
    assertThat(passAt(a, "2026-11-26T12:01:30Z").leader()).isTrue();
    a.stepDown();
    stores.state().createJob(anExtractionJob().id("late-job").build());

    PassReport taken = passAt(b, "2026-11-26T12:01:31Z");

    assertThat(taken.leader()).isTrue();
    assertThat(taken.reconciled()).isEqualTo(1);
    assertThat(stores.schedule().findEntry(new JobId("late-job"))).isPresent();
  }

  @Test
  void whileLeadingTheChangeFeedMendsEntriesEveryRepairInterval() {
    passAt(a, "2026-11-26T12:01:30Z");
    clock.set(Instant.parse("2026-11-26T12:02:00Z"));
    stores.state().createJob(anExtractionJob().id("behind-the-back").build());

    assertThat(passAt(a, "2026-11-26T12:02:30Z").reconciled()).isZero(); // not yet time
    assertThat(passAt(a, "2026-11-26T12:03:31Z").reconciled()).isEqualTo(1);
    assertThat(stores.schedule().findEntry(new JobId("behind-the-back"))).isPresent();
  }

  @Test
  void aBrokenStepIsReportedAndTheOthersStillRun() {
    try (ControlLoop broken = replica("replica-c", brokenDueIndex(stores.schedule()))) {
      aBrokenTickLeavesDispatchRunning(broken);
    }
  }

  private void aBrokenTickLeavesDispatchRunning(ControlLoop broken) {
    stores.state().createJob(anExtractionJob().build());
    readyCluster();
    JobRun waiting =
        stores
            .state()
            .createRunIfAbsent(
                JobRun.scheduled(
                    new JobId("orders-extract"),
                    Instant.parse("2026-11-26T12:00:00Z"),
                    new io.lakeops.domain.InputWindow("", "2026-11-26T12:00:00Z"),
                    clock.instant()))
            .value();

    PassReport report = passAt(broken, "2026-11-26T12:05:01Z");

    assertThat(report.tick()).isNull();
    assertThat(report.failures()).singleElement().asString().startsWith("tick: due index down");
    assertThat(report.failures().get(0).cause())
        .as("the cause is kept whole, for the log's stack trace")
        .isInstanceOf(IllegalStateException.class);
    assertThat(report.runsDispatched()).isEqualTo(1);
    assertThat(run(waiting.id()).state()).isEqualTo(RunState.SUBMITTED);
  }

  private JobRun run(RunId id) {
    return stores.state().findRun(id).orElseThrow();
  }

  private void readyCluster() {
    Cluster ready =
        stores.state().createCluster(TestClusters.aCluster().ready("http://127.0.0.1:8998"));
    provider.report(ready, ClusterState.READY, ready.endpoint());
  }

  /** A due index whose reads fail, as when its table is throttled; writes pass through. */
  private static ScheduleStore brokenDueIndex(ScheduleStore store) {
    return (ScheduleStore)
        Proxy.newProxyInstance(
            ScheduleStore.class.getClassLoader(),
            new Class<?>[] {ScheduleStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("findDue")) {
                throw new IllegalStateException("due index down");
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
