package io.lakeops.control.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.adapters.embedded.EmbeddedStateStore;
import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.SizeClass;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ProvidedCluster;
import io.lakeops.ports.StateStore;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Launching clusters and following them through a provider that tests steer by hand. */
class ClusterLifecycleTest {
  private static final Pool SMALL = Pool.of(new PoolName("small"), SizeClass.SMALL);
  private static final Attribution OPERATOR = new Attribution("olivia", "more capacity");

  private final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final ScriptedProvider provider = new ScriptedProvider();
  private StateStore store;
  private ClusterLifecycle lifecycle;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:clusters-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    store = new EmbeddedStateStore(dataSource, clock);
    lifecycle =
        new ClusterLifecycle(store, provider, new AuditTrail(audit, DomainJson::write), clock);
  }

  @Test
  void aLaunchedClusterStartsThenBecomesReadyWithItsEndpoint() {
    Cluster launched = lifecycle.launch(SMALL, OPERATOR);

    assertThat(launched.state()).isEqualTo(ClusterState.STARTING);
    assertThat(launched.providerId()).isEqualTo("p-" + launched.id());
    assertThat(lifecycle.refresh()).isZero();

    clock.advance(Duration.ofSeconds(40));
    provider.report(launched, ClusterState.READY, "http://127.0.0.1:8998");
    assertThat(lifecycle.refresh()).isEqualTo(1);
    assertThat(lifecycle.refresh()).isZero();

    Cluster ready = store.findCluster(launched.id()).orElseThrow();
    assertThat(ready.state()).isEqualTo(ClusterState.READY);
    assertThat(ready.endpoint()).isEqualTo("http://127.0.0.1:8998");
    assertThat(ready.readyAt()).isEqualTo(clock.instant());
    assertThat(audit.entries())
        .extracting(AuditEntry::action, AuditEntry::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cluster.request", "olivia"),
            org.assertj.core.groups.Tuple.tuple("cluster.launch", "olivia"),
            org.assertj.core.groups.Tuple.tuple("cluster.ready", ClusterLifecycle.SYSTEM));
  }

  @Test
  void aClusterThatVanishesWithoutBeingAskedIsRecordedAsFailed() {
    Cluster launched = lifecycle.launch(SMALL, OPERATOR);
    provider.report(launched, ClusterState.READY, "http://127.0.0.1:8998");
    lifecycle.refresh();

    provider.report(launched, ClusterState.TERMINATED, null);
    lifecycle.refresh();

    Cluster gone = store.findCluster(launched.id()).orElseThrow();
    assertThat(gone.state()).isEqualTo(ClusterState.FAILED);
    assertThat(gone.endedAt()).isNotNull();
  }

  @Test
  void aRefusedLaunchLeavesAFailedClusterOnRecord() {
    provider.refuse = true;

    Cluster refused = lifecycle.launch(SMALL, OPERATOR);

    assertThat(refused.state()).isEqualTo(ClusterState.FAILED);
    assertThat(refused.stateReason()).contains("no capacity");
    assertThat(audit.entries()).extracting(AuditEntry::action).contains("cluster.failed");
  }

  @Test
  void ensureLaunchesOnlyTheMissingClusters() {
    lifecycle.launch(SMALL, OPERATOR);

    assertThat(lifecycle.ensure(Map.of(SMALL, 2), OPERATOR)).hasSize(1);
    assertThat(lifecycle.ensure(Map.of(SMALL, 2), OPERATOR)).isEmpty();
  }

  /** A provider whose answers the test sets. */
  static final class ScriptedProvider implements ClusterProvider {
    private final Map<String, ProvidedCluster> reports = new HashMap<>();
    boolean refuse;

    void report(Cluster cluster, ClusterState state, String endpoint) {
      reports.put(
          cluster.providerId(),
          new ProvidedCluster(
              cluster.providerId(), state, endpoint, MarketMix.UNKNOWN, "test says " + state));
    }

    @Override
    public String launch(ClusterId id, Pool pool) {
      if (refuse) {
        throw new IllegalStateException("no capacity");
      }
      String providerId = "p-" + id;
      reports.put(
          providerId,
          new ProvidedCluster(
              providerId, ClusterState.STARTING, null, MarketMix.UNKNOWN, "starting"));
      return providerId;
    }

    @Override
    public Map<String, ProvidedCluster> describe(Collection<String> providerIds) {
      Map<String, ProvidedCluster> seen = new HashMap<>();
      providerIds.stream()
          .filter(reports::containsKey)
          .forEach(id -> seen.put(id, reports.get(id)));
      return seen;
    }

    @Override
    public void terminate(String providerId) {
      reports.put(
          providerId,
          new ProvidedCluster(
              providerId, ClusterState.TERMINATED, null, MarketMix.UNKNOWN, "terminated"));
    }
  }
}
