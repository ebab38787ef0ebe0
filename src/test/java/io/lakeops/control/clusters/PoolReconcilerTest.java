package io.lakeops.control.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.PageRequest;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.FakeSparkSubmitter;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.ScriptedClusterProvider;
import io.lakeops.testdata.TestClusters;
import io.lakeops.testdata.TestPools;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconciler over the embedded store, a provider the test steers and a fake Livy. */
class PoolReconcilerTest {
  private static final String ENDPOINT = "http://127.0.0.1:8998";
  private static final Pool SMALL = TestPools.aPool().desired(1).build();

  private final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final ScriptedClusterProvider provider = new ScriptedClusterProvider();
  private final FakeSparkSubmitter livy = new FakeSparkSubmitter();
  private final ClusterHealth health = new ClusterHealth();
  private final ClusterLifecycle lifecycle =
      new ClusterLifecycle(
          stores.state(), provider, new AuditTrail(audit, DomainJson::write), clock);
  private final PoolReconciler reconciler = reconciler(List.of(SMALL));

  private PoolReconciler reconciler(List<Pool> pools) {
    return new PoolReconciler(
        pools,
        stores.state(),
        provider,
        livy,
        lifecycle,
        new PoolReconciler.Settings(
            3,
            Duration.ofMinutes(20),
            new LaunchBackoff(Duration.ofSeconds(30), Duration.ofMinutes(4), 3)),
        health);
  }

  @Test
  void aPoolShortOfClustersGetsOneThatBecomesReadyWithItsEndpoint() {
    reconciler.reconcile(clock.instant());
    Cluster launched = only(ClusterState.STARTING);
    assertThat(provider.launched()).containsExactly("p-" + launched.id());

    clock.advance(Duration.ofSeconds(40));
    provider.report(launched, ClusterState.READY, ENDPOINT);
    reconciler.reconcile(clock.instant());
    reconciler.reconcile(clock.instant());

    Cluster ready = only(ClusterState.READY);
    assertThat(ready.endpoint()).isEqualTo(ENDPOINT);
    assertThat(ready.readyAt()).isEqualTo(clock.instant());
    assertThat(provider.launched()).as("no second launch once the pool is full").hasSize(1);
    assertThat(audit.entries())
        .extracting(AuditEntry::action, AuditEntry::actor)
        .containsExactly(
            tuple("cluster.request", ClusterLifecycle.SYSTEM),
            tuple("cluster.launch", ClusterLifecycle.SYSTEM),
            tuple("cluster.ready", ClusterLifecycle.SYSTEM));
  }

  @Test
  void aClusterThatDiesIsRecordedFailedWithTheProvidersReasonAndReplacedInTheSamePass() {
    Cluster ready = readyCluster();

    provider.report(ready, ClusterState.TERMINATED, null); // gone without being asked: spot loss
    reconciler.reconcile(clock.instant());

    Cluster dead = stores.state().findCluster(ready.id()).orElseThrow();
    assertThat(dead.state()).isEqualTo(ClusterState.FAILED);
    assertThat(dead.stateReason()).contains("test says TERMINATED");
    assertThat(only(ClusterState.STARTING).id()).isNotEqualTo(ready.id());
    assertThat(audit.entries())
        .extracting(AuditEntry::action)
        .containsSubsequence("cluster.failed", "cluster.request", "cluster.launch");
  }

  @Test
  void aClusterTheProviderDoesNotKnowIsFailed() {
    Cluster ready = readyCluster();
    provider.forget(ready.providerId());

    reconciler.reconcile(clock.instant());

    assertThat(stores.state().findCluster(ready.id()).orElseThrow().stateReason())
        .contains("does not know");
  }

  @Test
  void livyThatStopsAnsweringFailsTheClusterAfterTheConfiguredChecksOnly() {
    Cluster ready = readyCluster();
    livy.unreachable(true);

    reconciler.reconcile(clock.instant());
    reconciler.reconcile(clock.instant());
    assertThat(state(ready)).as("two missed pings are not a death").isEqualTo(ClusterState.READY);
    assertThat(health.of(ready.id()).missedInARow()).isEqualTo(2);

    reconciler.reconcile(clock.instant());
    Cluster dead = stores.state().findCluster(ready.id()).orElseThrow();
    assertThat(dead.state()).isEqualTo(ClusterState.FAILED);
    assertThat(dead.stateReason()).contains("did not answer 3 checks in a row");
    assertThat(provider.terminated()).as("the dead cluster is ended").contains(ready.providerId());
  }

  @Test
  void aPingThatAnswersAgainResetsTheCount() {
    Cluster ready = readyCluster();
    livy.unreachable(true);
    reconciler.reconcile(clock.instant());
    reconciler.reconcile(clock.instant());
    livy.unreachable(false);
    reconciler.reconcile(clock.instant());
    livy.unreachable(true);
    reconciler.reconcile(clock.instant());
    reconciler.reconcile(clock.instant());

    assertThat(state(ready)).isEqualTo(ClusterState.READY);
  }

  @Test
  void failingLaunchesBackOffDoublingInsteadOfLaunchingInATightLoop() {
    provider.refuseLaunches("bootstrap action failed");

    reconciler.reconcile(clock.instant());
    assertThat(stores.state().findLiveClusters(PageRequest.first(10)).items()).isEmpty();
    clock.advance(Duration.ofSeconds(29));
    reconciler.reconcile(clock.instant());
    assertThat(failedLaunches()).as("within 30 s of the first failure").isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    reconciler.reconcile(clock.instant());
    assertThat(failedLaunches()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(59));
    reconciler.reconcile(clock.instant());
    assertThat(failedLaunches()).as("the second failure waits 60 s").isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    reconciler.reconcile(clock.instant());
    assertThat(failedLaunches()).isEqualTo(3);

    LaunchBackoff.Verdict verdict =
        new LaunchBackoff(Duration.ofSeconds(30), Duration.ofMinutes(4), 3)
            .judge(stores.state().findClusters(SMALL.name(), PageRequest.first(20)).items());
    assertThat(verdict.alert()).contains("3 launches in a row failed");
  }

  @Test
  void aClusterThatTakesTooLongToStartIsFailed() {
    reconciler.reconcile(clock.instant());
    Cluster starting = only(ClusterState.STARTING);

    clock.advance(Duration.ofMinutes(21));
    reconciler.reconcile(clock.instant());

    assertThat(stores.state().findCluster(starting.id()).orElseThrow().stateReason())
        .contains("not ready within PT20M");
  }

  @Test
  void aClusterOfAPoolNoLongerConfiguredIsTerminated() {
    Cluster ready = readyCluster();

    reconciler(List.of(TestPools.aPool().name("large").desired(0).build()))
        .reconcile(clock.instant());

    assertThat(state(ready)).isEqualTo(ClusterState.TERMINATING);
    assertThat(provider.terminated()).containsExactly(ready.providerId());
  }

  @Test
  void aTerminationTheProviderNeverGotIsAskedForAgainAtTheNextPass() {
    Cluster ready = readyCluster();
    // Recorded TERMINATING by a console that stopped before it could ask the provider.
    Cluster terminating =
        stores
            .state()
            .updateCluster(ready.moveTo(ClusterState.TERMINATING, "rotated", clock.instant()));
    assertThat(provider.terminated()).isEmpty();

    reconciler.reconcile(clock.instant());

    assertThat(provider.terminated()).containsExactly(ready.providerId());
    assertThat(state(terminating)).isEqualTo(ClusterState.TERMINATING);
    reconciler.reconcile(clock.instant());
    assertThat(state(terminating)).isEqualTo(ClusterState.TERMINATED);
    assertThat(provider.terminated()).as("asked once it is known gone: no more").hasSize(1);
  }

  @Test
  void aLaunchInterruptedBeforeTheProviderWasAskedIsResumedWithTheSameId() {
    Cluster requested =
        stores
            .state()
            .createCluster(
                Cluster.requested(lifecycle.newId(SMALL.name()), SMALL.name(), clock.instant()));

    reconciler.reconcile(clock.instant());
    assertThat(state(requested))
        .as("just requested: maybe being launched right now")
        .isEqualTo(ClusterState.REQUESTED);

    clock.advance(Duration.ofMinutes(2));
    reconciler.reconcile(clock.instant());
    assertThat(state(requested)).isEqualTo(ClusterState.STARTING);
    assertThat(provider.launched()).containsExactly("p-" + requested.id());
  }

  @Test
  void onePassAsksTheProviderOnceWhateverTheNumberOfClusters() {
    PoolReconciler three = reconciler(List.of(TestPools.aPool().desired(3).build()));
    three.reconcile(clock.instant());
    int before = provider.describeCalls();

    three.reconcile(clock.instant());

    assertThat(stores.state().findLiveClusters(PageRequest.first(10)).items()).hasSize(3);
    assertThat(provider.describeCalls() - before).isEqualTo(1);
  }

  private Cluster readyCluster() {
    Cluster ready = stores.state().createCluster(TestClusters.aCluster().ready(ENDPOINT));
    provider.report(ready, ClusterState.READY, ENDPOINT);
    return ready;
  }

  private ClusterState state(Cluster cluster) {
    return stores.state().findCluster(cluster.id()).orElseThrow().state();
  }

  private Cluster only(ClusterState state) {
    List<Cluster> live = stores.state().findLiveClusters(PageRequest.first(10)).items();
    assertThat(live).extracting(Cluster::state).containsExactly(state);
    return live.get(0);
  }

  private long failedLaunches() {
    return stores
        .state()
        .findClusters(new PoolName("small"), PageRequest.first(50))
        .items()
        .stream()
        .filter(c -> c.state() == ClusterState.FAILED)
        .count();
  }
}
