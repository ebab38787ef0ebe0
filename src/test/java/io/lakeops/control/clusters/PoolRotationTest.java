package io.lakeops.control.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.control.actions.ActionRefusedException;
import io.lakeops.control.actions.ClusterActions;
import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.runs.RetryRules;
import io.lakeops.control.runs.RunDispatcher;
import io.lakeops.control.runs.RunJournal;
import io.lakeops.control.runs.RunMonitor;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.Pool;
import io.lakeops.domain.RunState;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.SubmissionState;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.FakeSparkSubmitter;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.ScriptedClusterProvider;
import io.lakeops.testdata.TestClusters;
import io.lakeops.testdata.TestJobs;
import io.lakeops.testdata.TestPools;
import io.lakeops.testdata.TestRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Make-before-break rotation, driven through the same steps as the leader's pass (reconcile,
 * monitor, rotate, dispatch) over the embedded store, a scripted provider and a fake Livy.
 */
class PoolRotationTest {
  private static final Attribution OPERATOR = new Attribution("olga", "kernel patch OPS-7");

  private final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final AuditTrail trail = new AuditTrail(audit, DomainJson::write);
  private final ScriptedClusterProvider provider = new ScriptedClusterProvider();
  private final FakeSparkSubmitter livy = new FakeSparkSubmitter();
  private final LaunchBackoff backoff =
      new LaunchBackoff(Duration.ofSeconds(30), Duration.ofMinutes(4), 3);
  private final Pool pool =
      TestPools.aPool()
          .desired(1)
          .maxAge(Duration.ofHours(6))
          .drainTimeout(Duration.ofMinutes(10))
          .build();
  private final ClusterLifecycle lifecycle =
      new ClusterLifecycle(stores.state(), provider, trail, clock);
  private final ClusterActions actions =
      new ClusterActions(List.of(pool), stores.state(), provider, lifecycle, trail, clock);
  private Cluster old;

  @BeforeEach
  void aReadyClusterAndAJob() {
    stores.state().createJob(TestJobs.anExtractionJob().build());
    stores.state().createJob(TestJobs.aStreamingJob().build());
    old =
        stores
            .state()
            .createCluster(
                TestClusters.aCluster().requestedAt(clock.instant()).ready("http://old:8998"));
    provider.report(old, ClusterState.READY, old.endpoint());
  }

  @Test
  void aOneClickRotationLaunchesTheReplacementFirstDrainsTheOldOneThenTerminatesIt() {
    JobRun batch = runOn(old, "2026-11-26T12:00:00Z");

    actions.rotate(pool.name(), OPERATOR);
    pass();
    Cluster replacement = replacementOf(old);
    assertThat(replacement.state()).isEqualTo(ClusterState.STARTING);
    assertThat(cluster(old).state())
        .as("old keeps working meanwhile")
        .isEqualTo(ClusterState.READY);

    provider.report(replacement, ClusterState.READY, "http://new:8998");
    pass();
    assertThat(cluster(replacement).state()).isEqualTo(ClusterState.READY);
    assertThat(cluster(old).state()).isEqualTo(ClusterState.DRAINING);

    JobRun next =
        stores
            .state()
            .createRunIfAbsent(TestRuns.aRun().at("2026-11-26T11:55:00Z").build())
            .value();
    pass();
    assertThat(reload(next).cluster())
        .as("new runs go to the replacement")
        .isEqualTo(replacement.id());
    assertThat(cluster(old).state())
        .as("its batch run still runs")
        .isEqualTo(ClusterState.DRAINING);

    livy.set(batch.submissionId(), SubmissionState.SUCCEEDED);
    pass(); // the monitor ends the batch run, then the drained cluster is terminated
    assertThat(cluster(old).state()).isEqualTo(ClusterState.TERMINATING);
    assertThat(provider.terminated()).containsExactly(old.providerId());
    pass();
    assertThat(cluster(old).state()).isEqualTo(ClusterState.TERMINATED);
    assertThat(provider.launched()).as("one replacement, no other launch").hasSize(1);

    List<String> story =
        audit.entries().stream()
            .filter(e -> e.entityId().equals(old.id().value()))
            .map(e -> e.actor() + " " + e.action())
            .toList();
    assertThat(story)
        .containsSubsequence(
            "olga cluster.rotate",
            "lakeops cluster.rotate",
            "lakeops cluster.draining",
            "lakeops cluster.terminating",
            "lakeops cluster.terminated");
  }

  @Test
  void aDrainingClustersStreamingRunsAreStoppedAtOnceAndItsBatchRunsMoveAfterTheDrainTimeout() {
    JobRun batch = runOn(old, "2026-11-26T12:00:00Z");
    JobRun stream = streamingRunOn(old);
    actions.rotate(pool.name(), OPERATOR);
    pass();
    provider.report(replacementOf(old), ClusterState.READY, "http://new:8998");
    pass();
    assertThat(cluster(old).state()).isEqualTo(ClusterState.DRAINING);
    pass(); // its batch is killed
    pass(); // and the monitor sees it killed
    assertThat(reload(stream).state())
        .as("stopped, for the keeper to restart")
        .isEqualTo(RunState.LOST);
    assertThat(cluster(old).state())
        .as("its batch run still runs")
        .isEqualTo(ClusterState.DRAINING);

    clock.advance(Duration.ofMinutes(11));
    pass();
    assertThat(cluster(old).state()).isEqualTo(ClusterState.TERMINATING);
    pass();
    JobRun moved = reload(batch);
    assertThat(moved.attempt()).isEqualTo(2);
    assertThat(moved.cluster()).isEqualTo(replacementOf(old).id());
  }

  @Test
  void theMaximumAgeStartsARotationAndOnlyOneRunsPerPool() {
    clock.advance(Duration.ofHours(5));
    pass();
    assertThat(cluster(old).rotation()).isNull();

    clock.advance(Duration.ofHours(1));
    pass();
    assertThat(cluster(old).rotation().reason()).contains("maximum age PT6H");
    assertThatThrownBy(() -> actions.rotate(pool.name(), OPERATOR))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("rotating already");
  }

  @Test
  void aRotationNeverStartsWhileThePoolIsShortOfClusters() {
    provider.report(old, ClusterState.STARTING, null);
    stores
        .state()
        .updateCluster(cluster(old).moveTo(ClusterState.DRAINING, "by hand", clock.instant()));

    assertThatThrownBy(() -> actions.rotate(pool.name(), OPERATOR))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("heals before it rotates");
  }

  @Test
  void aReplacementThatFailsIsReplacedByAnotherAndTheOldClusterKeepsServing() {
    actions.rotate(pool.name(), OPERATOR);
    pass();
    Cluster first = replacementOf(old);
    provider.report(first, ClusterState.TERMINATED, null); // lost before it was ready
    pass();
    assertThat(replacementOf(old).id())
        .as("within the pool's launch backoff")
        .isEqualTo(first.id());
    clock.advance(Duration.ofSeconds(30));
    pass();

    Cluster second = replacementOf(old);
    assertThat(second.state()).isEqualTo(ClusterState.STARTING);
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(cluster(old).state()).isEqualTo(ClusterState.READY);
  }

  @Test
  void aConsoleThatRestartsMidRotationResumesItWithTheSameReplacement() {
    // The console chose the replacement's id and stopped before it launched it.
    Cluster requested = actions.rotate(pool.name(), OPERATOR);
    ClusterId chosen = lifecycle.newId(pool.name());
    stores.state().updateCluster(requested.rotating(requested.rotation().replacedBy(chosen)));
    assertThat(stores.state().findCluster(chosen)).isEmpty();

    // A new console process: new objects over the same store and provider.
    new PoolRotation(
            List.of(pool),
            stores.state(),
            stores.state(),
            stores.state(),
            livy,
            new ClusterLifecycle(stores.state(), provider, trail, clock),
            backoff)
        .rotate(clock.instant());

    assertThat(provider.launched()).containsExactly("p-" + chosen);
    assertThat(stores.state().findLiveClusters(PageRequest.first(10)).items())
        .extracting(Cluster::pool)
        .as("every cluster belongs to the pool")
        .containsOnly(pool.name());
  }

  /** The leader pass's cluster and run steps, in its order. */
  private void pass() {
    Instant now = clock.instant();
    RetryRules rules = new RetryRules();
    RunJournal journal = new RunJournal(stores.state(), trail);
    new PoolReconciler(
            List.of(pool),
            stores.state(),
            provider,
            livy,
            lifecycle,
            new PoolReconciler.Settings(3, Duration.ofMinutes(20), backoff),
            new ClusterHealth())
        .reconcile(now);
    new RunMonitor(
            stores.state(),
            stores.state(),
            stores.state(),
            livy,
            run -> Optional.empty(),
            rules,
            journal)
        .poll(now);
    rotation().rotate(now);
    new RunDispatcher(
            List.of(pool),
            stores.state(),
            stores.state(),
            stores.state(),
            livy,
            (job, run, name) -> new SubmitRequest(name, "/jobs.jar", "Main", List.of(), Map.of()),
            (job, low) -> low,
            rules,
            journal)
        .dispatch(now);
  }

  private PoolRotation rotation() {
    return new PoolRotation(
        List.of(pool), stores.state(), stores.state(), stores.state(), livy, lifecycle, backoff);
  }

  private JobRun runOn(Cluster cluster, String at) {
    return submittedOn(cluster, TestRuns.aRun().at(at));
  }

  private JobRun streamingRunOn(Cluster cluster) {
    return submittedOn(cluster, TestRuns.aRun().job("clicks-stream").at("2026-11-26T11:00:00Z"));
  }

  /** A run submitted to {@code cluster} as a batch its Livy reports running. */
  private JobRun submittedOn(Cluster cluster, TestRuns run) {
    JobRun created = stores.state().createRunIfAbsent(run.build()).value();
    String batch =
        livy.submit(
                cluster.endpoint(),
                new SubmitRequest(created.id() + "-a1", "/j", "M", List.of(), Map.of()))
            .id();
    livy.set(batch, SubmissionState.RUNNING);
    return stores.state().updateRun(created.submitted(cluster.id(), batch, clock.instant()));
  }

  private Cluster replacementOf(Cluster rotated) {
    ClusterId id = cluster(rotated).rotation().replacement();
    return stores.state().findCluster(id).orElseThrow();
  }

  private Cluster cluster(Cluster c) {
    return stores.state().findCluster(c.id()).orElseThrow();
  }

  private JobRun reload(JobRun run) {
    return stores.state().findRun(run.id()).orElseThrow();
  }
}
