package io.lakeops.adapters.emr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.lakeops.adapters.emr.EmrStubs.requested;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.lakeops.adapters.sqs.SqsClusterSignals;
import io.lakeops.adapters.sqs.SqsStubs;
import io.lakeops.control.scheduling.ClusterSignalFeed;
import io.lakeops.control.scheduling.ClusterSignalLoop;
import io.lakeops.control.scheduling.ControlLoop;
import io.lakeops.control.scheduling.LeaderPasses;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterDeath;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Pool;
import io.lakeops.ports.PageRequest;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.TestPools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cluster death reported by an SQS event is acted on before the next poll: the console's leader
 * pass over the real EMR adapter and the real SQS adapter, both against recorded exchanges in
 * WireMock (never AWS), with no scheduled pass at all after the cluster is READY. The event makes
 * the pass; its describe confirms the death; the replacement is launched in the same pass.
 */
class EmrEventBeforePollTest {
  @RegisterExtension
  static final WireMockExtension EMR =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final WireMockExtension SQS =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String DNS = "ec2-3-80-1-2.compute-1.amazonaws.com";
  private static final Pool SMALL = TestPools.aPool().desired(1).build();

  private final Clock clock = Clock.systemUTC();
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);

  @Test
  void aDeathReportedByAnEventIsReplacedWithinSecondsWithoutAPoll() throws Exception {
    EmrStubs.servingOneCluster(EMR, DNS);
    SqsStubs.emptyQueue(SQS, Duration.ofMillis(200)); // a long poll shortened from 20 s
    EmrClusterProvider provider =
        EmrStubs.provider(
            TestEmrConfigs.emr(EMR.baseUrl()),
            TestEmrConfigs.pools("small", TestEmrConfigs.pool().build()),
            clock);
    try (ControlLoop leader =
            LeaderPasses.replica("leader", stores, provider, List.of(SMALL), clock);
        SqsClusterSignals signals = SqsStubs.signals(SQS, Duration.ZERO)) {
      leader.pass(clock.instant()); // launches j-1
      leader.pass(clock.instant()); // j-1 WAITING with its master: READY
      Cluster serving = only();
      assertThat(serving.state()).isEqualTo(ClusterState.READY);

      try (ClusterSignalLoop loop =
          new ClusterSignalLoop(
                  new ClusterSignalFeed(
                      signals,
                      leader,
                      LeaderPasses.lifecycle(stores, provider, clock)::liveClusters,
                      clock),
                  Duration.ofSeconds(1),
                  outcome -> {})
              .start()) {
        Thread.sleep(500); // a few empty receives: nothing happens
        assertThat(only().state()).isEqualTo(ClusterState.READY);

        Instant died = Instant.now();
        EmrStubs.spotLossOfTheCluster(EMR, died);
        SqsStubs.deliverTheSpotLossOnce(SQS, "r-spot-loss");
        Instant deadline = Instant.now().plusSeconds(10);
        while (EMR.findAll(requested("RunJobFlow")).size() < 2
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(50);
        }
        Duration took = Duration.between(died, Instant.now());
        while (SQS.findAll(SqsStubs.requested("DeleteMessage")).isEmpty()
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(50); // the rest of the pass, then the acknowledgement
        }
        assertThat(EMR.findAll(requested("RunJobFlow"))).as("the replacement").hasSize(2);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
      }
      Cluster dead = stores.state().findCluster(serving.id()).orElseThrow();
      assertThat(dead.state()).isEqualTo(ClusterState.FAILED);
      assertThat(dead.stateReason()).contains("INSTANCE_FAILURE", "Spot capacity");
      assertThat(dead.death().signal()).isEqualTo(ClusterDeath.Signal.EVENT);
      assertThat(dead.death().timeToDetect()).isLessThan(Duration.ofSeconds(5));
      EMR.verify(1, requested("TerminateJobFlows"));
      SQS.verify(
          1,
          SqsStubs.requested("DeleteMessage")
              .withRequestBody(matchingJsonPath("$.ReceiptHandle", equalTo("r-spot-loss"))));
    }
  }

  private Cluster only() {
    List<Cluster> all = stores.state().findClusters(SMALL.name(), PageRequest.first(10)).items();
    return all.get(all.size() - 1); // the oldest: the one launched first
  }
}
