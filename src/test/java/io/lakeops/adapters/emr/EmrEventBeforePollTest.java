package io.lakeops.adapters.emr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.lakeops.adapters.emr.EmrStubs.clusters;
import static io.lakeops.adapters.emr.EmrStubs.described;
import static io.lakeops.adapters.emr.EmrStubs.instances;
import static io.lakeops.adapters.emr.EmrStubs.ok;
import static io.lakeops.adapters.emr.EmrStubs.operation;
import static io.lakeops.adapters.emr.EmrStubs.requested;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
    stubEmrServing();
    SqsStubs.noStubFailsLoudly(SQS);
    SQS.stubFor(SqsStubs.operation("DeleteMessage").willReturn(SqsStubs.ok("{}")));
    // An empty long poll, shortened to 200 ms so the test does not wait 20 s.
    SQS.stubFor(
        SqsStubs.operation("ReceiveMessage")
            .atPriority(5)
            .willReturn(SqsStubs.ok("{}").withFixedDelay(200)));
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
        emrReportsTheSpotLoss(died);
        deliverTheEvent();
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

  private void stubEmrServing() {
    EmrStubs.noStubFailsLoudly(EMR);
    // Launch: no live cluster of that name yet.
    EMR.stubFor(
        operation("ListClusters")
            .atPriority(2)
            .withRequestBody(matchingJsonPath("$.ClusterStates"))
            .willReturn(ok(clusters())));
    EMR.stubFor(
        operation("ListClusters")
            .atPriority(5)
            .willReturn(
                ok(clusters(EmrStubs.summary("j-1", "lakeops-c1", "WAITING", null, null)))));
    EMR.stubFor(
        operation("RunJobFlow")
            .inScenario("launches")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("second")
            .willReturn(ok("{\"JobFlowId\":\"j-1\"}")));
    EMR.stubFor(
        operation("RunJobFlow")
            .inScenario("launches")
            .whenScenarioStateIs("second")
            .willReturn(ok("{\"JobFlowId\":\"j-2\"}")));
    EMR.stubFor(operation("DescribeCluster").willReturn(ok(described("j-1", "WAITING", DNS))));
    EMR.stubFor(operation("ListInstances").willReturn(ok(instances("ON_DEMAND", "SPOT"))));
    EMR.stubFor(operation("TerminateJobFlows").willReturn(ok("{}")));
  }

  /** From now on ListClusters lists j-1 TERMINATED_WITH_ERRORS, ended at {@code died}. */
  private void emrReportsTheSpotLoss(Instant died) {
    String ended =
        "{\"Id\":\"j-1\",\"Name\":\"lakeops-c1\",\"Status\":{\"State\":\"TERMINATED_WITH_ERRORS\","
            + "\"StateChangeReason\":{\"Code\":\"INSTANCE_FAILURE\",\"Message\":\"Spot capacity"
            + " was reclaimed by EC2\"},\"Timeline\":{\"CreationDateTime\":1.7645832E9,"
            + "\"EndDateTime\":"
            + died.getEpochSecond()
            + "}}}";
    EMR.stubFor(
        operation("ListClusters")
            .atPriority(3)
            .withRequestBody(not(matchingJsonPath("$.ClusterStates")))
            .willReturn(ok(clusters(ended))));
  }

  /** The next receive gets EventBridge's event, once; the ones after it are empty again. */
  private void deliverTheEvent() {
    String event =
        SqsStubs.event("cluster-terminated-with-errors")
            .replace("j-2AXXXXXXGAPLF", "j-1")
            .replace("2026-11-26T12:05:02Z", Instant.now().toString());
    SQS.stubFor(
        SqsStubs.operation("ReceiveMessage")
            .atPriority(1)
            .inScenario("event")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("delivered")
            .willReturn(SqsStubs.ok(SqsStubs.messages("r-spot-loss", event))));
  }
}
