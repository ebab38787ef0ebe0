package io.lakeops.control.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterDeath;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Pool;
import io.lakeops.ports.ClusterSignal;
import io.lakeops.ports.PageRequest;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.QueuedSignals;
import io.lakeops.testdata.ScriptedClusterProvider;
import io.lakeops.testdata.TestPools;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster signals (EMR's state-change events) as a faster death signal, over the embedded store and
 * a provider the test steers: events are best effort, so lost, duplicated, stale and foreign ones
 * must all leave the pool right, and the poll stays the backstop.
 */
class ClusterSignalFeedTest {
  private static final Pool SMALL = TestPools.aPool().desired(1).build();
  private static final String ENDPOINT = "http://127.0.0.1:8998";

  private final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  private final ScriptedClusterProvider provider = new ScriptedClusterProvider();
  private final QueuedSignals signals = new QueuedSignals();
  private final ControlLoop leader =
      LeaderPasses.replica("leader", stores, provider, List.of(SMALL), clock);
  private final ClusterSignalFeed feed =
      new ClusterSignalFeed(
          signals, leader, LeaderPasses.lifecycle(stores, provider, clock)::liveClusters, clock);
  private Cluster serving;

  @BeforeEach
  void aPoolWithOneReadyCluster() {
    leader.pass(clock.instant()); // launches the pool's cluster
    serving = clusters().get(0);
    clock.advance(Duration.ofMinutes(5));
    provider.report(serving, ClusterState.READY, ENDPOINT);
    leader.pass(clock.instant());
    assertThat(cluster(serving).state()).isEqualTo(ClusterState.READY);
  }

  @AfterEach
  void close() {
    leader.close();
  }

  @Test
  void aDeathToldByAnEventIsRecordedAndReplacedAtOnceWithItsTimeToDetect() {
    Instant died = clock.instant().plusSeconds(2);
    clock.advance(Duration.ofSeconds(5));
    provider.reportEnded(serving.providerId(), ClusterState.FAILED, died.plusSeconds(1));
    signals.deliver(death("m-1", died));

    ClusterSignalFeed.Outcome outcome = feed.once();

    assertThat(outcome.checked()).isEqualTo(1);
    Cluster dead = cluster(serving);
    assertThat(dead.state()).isEqualTo(ClusterState.FAILED);
    assertThat(dead.death().signal()).isEqualTo(ClusterDeath.Signal.EVENT);
    assertThat(dead.death().diedAt()).as("the earlier of the event and EMR's end").isEqualTo(died);
    assertThat(dead.death().timeToDetect()).isEqualTo(Duration.ofSeconds(3));
    assertThat(provider.launched()).as("the replacement, in the same pass").hasSize(2);
    assertThat(signals.handled()).containsExactly("m-1");
  }

  @Test
  void aDuplicatedEventRelaunchesOnceInTheSameBatchOrTheNext() {
    provider.reportEnded(serving.providerId(), ClusterState.FAILED, clock.instant());
    signals.deliver(death("m-1", clock.instant()), death("m-1-again", clock.instant()));
    signals.deliver(death("m-1-later", clock.instant()));

    ClusterSignalFeed.Outcome first = feed.once();
    ClusterSignalFeed.Outcome second = feed.once();

    assertThat(first.checked()).isEqualTo(1);
    assertThat(second.checked()).as("the cluster is no longer live: a no-op").isZero();
    assertThat(second.ignored()).isEqualTo(1);
    assertThat(provider.launched()).as("one relaunch").hasSize(2);
    assertThat(signals.handled()).containsExactly("m-1", "m-1-again", "m-1-later");
  }

  @Test
  void aLostEventLeavesTheDeathToThePollWhichRecordsItAsNoticedByPolling() {
    Instant died = clock.instant().plusSeconds(1);
    provider.reportEnded(serving.providerId(), ClusterState.FAILED, died);
    clock.advance(Duration.ofSeconds(40));

    assertThat(feed.once().checked()).as("nothing came").isZero();
    leader.pass(clock.instant());

    Cluster dead = cluster(serving);
    assertThat(dead.state()).isEqualTo(ClusterState.FAILED);
    assertThat(dead.death().signal()).isEqualTo(ClusterDeath.Signal.POLL);
    assertThat(dead.death().timeToDetect()).isEqualTo(Duration.ofSeconds(39));
    assertThat(provider.launched()).hasSize(2);

    signals.deliver(death("m-late", died)); // the event turns up after all
    assertThat(feed.once().checked()).isZero();
    assertThat(cluster(serving).death().signal()).isEqualTo(ClusterDeath.Signal.POLL);
    assertThat(provider.launched()).hasSize(2);
  }

  @Test
  void aClusterSeenTerminatingFirstKeepsThatNoticeWhenItEndsFailed() {
    provider.report(serving, ClusterState.TERMINATING, null);
    clock.advance(Duration.ofSeconds(30));
    leader.pass(clock.instant());
    ClusterDeath first = cluster(serving).death();
    assertThat(first.signal()).isEqualTo(ClusterDeath.Signal.POLL);

    provider.reportEnded(serving.providerId(), ClusterState.FAILED, clock.instant());
    clock.advance(Duration.ofSeconds(30));
    signals.deliver(death("m-end", clock.instant()));
    feed.once();

    assertThat(cluster(serving).state()).isEqualTo(ClusterState.FAILED);
    assertThat(cluster(serving).death()).isEqualTo(first);
    assertThat(provider.launched()).as("replaced once, when it began to end").hasSize(2);
  }

  @Test
  void aStaleTerminatedForAClusterTheProviderStillRunsChangesNothing() {
    int describes = provider.describeCalls();
    signals.deliver(death("m-stale", clock.instant()));

    ClusterSignalFeed.Outcome outcome = feed.once();

    assertThat(provider.describeCalls()).as("checked against a describe").isEqualTo(describes + 1);
    assertThat(outcome.checked()).isEqualTo(1);
    assertThat(cluster(serving).state()).isEqualTo(ClusterState.READY);
    assertThat(cluster(serving).death()).isNull();
    assertThat(provider.launched()).hasSize(1);
    assertThat(signals.handled()).containsExactly("m-stale");
  }

  @Test
  void anEventAboutAnotherConsolesClusterIsAcknowledgedWithoutAPass() {
    int describes = provider.describeCalls();
    signals.deliver(
        new ClusterSignal("j-NOTOURS", ClusterState.FAILED, clock.instant(), "theirs", "m-x"));

    ClusterSignalFeed.Outcome outcome = feed.once();

    assertThat(outcome.ignored()).isEqualTo(1);
    assertThat(provider.describeCalls()).isEqualTo(describes);
    assertThat(signals.handled()).containsExactly("m-x");
  }

  @Test
  void aReplicaThatDoesNotLeadReceivesNothing() {
    try (ControlLoop follower =
        LeaderPasses.replica("follower", stores, provider, List.of(SMALL), clock)) {
      follower.pass(clock.instant());
      ClusterSignalFeed followerFeed = new ClusterSignalFeed(signals, follower, List::of, clock);
      signals.deliver(death("m-1", clock.instant()));

      assertThat(followerFeed.once().leading()).isFalse();
      assertThat(signals.receives()).isZero();
      assertThat(feed.once().checked()).as("the leader gets it").isEqualTo(1);
    }
  }

  private ClusterSignal death(String receipt, Instant at) {
    return new ClusterSignal(
        serving.providerId(), ClusterState.FAILED, at, "TERMINATED_WITH_ERRORS", receipt);
  }

  private Cluster cluster(Cluster c) {
    return stores.state().findCluster(c.id()).orElseThrow();
  }

  private List<Cluster> clusters() {
    return stores.state().findClusters(SMALL.name(), PageRequest.first(10)).items();
  }
}
