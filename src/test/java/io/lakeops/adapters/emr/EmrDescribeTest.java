package io.lakeops.adapters.emr;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.lakeops.adapters.emr.EmrStubs.clusters;
import static io.lakeops.adapters.emr.EmrStubs.described;
import static io.lakeops.adapters.emr.EmrStubs.error;
import static io.lakeops.adapters.emr.EmrStubs.instances;
import static io.lakeops.adapters.emr.EmrStubs.ok;
import static io.lakeops.adapters.emr.EmrStubs.operation;
import static io.lakeops.adapters.emr.EmrStubs.requested;
import static io.lakeops.adapters.emr.EmrStubs.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.lakeops.config.EmrConfig;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.MarketMix;
import io.lakeops.ports.ProvidedCluster;
import io.lakeops.testdata.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What describe sees of clusters, and what it costs in EMR calls, against recorded exchanges. */
class EmrDescribeTest {
  @RegisterExtension
  static final WireMockExtension EMR =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String DNS = "ec2-3-80-1-2.compute-1.amazonaws.com";
  private static final String SPOT_LOSS =
      "Instance i-0abc in fleet core was lost: Spot capacity was reclaimed by EC2";

  private final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");

  private EmrClusterProvider provider(EmrConfig config) {
    EmrStubs.noStubFailsLoudly(EMR);
    return EmrStubs.provider(
        config, TestEmrConfigs.pools("small", TestEmrConfigs.pool().build()), clock);
  }

  private EmrClusterProvider provider() {
    return provider(TestEmrConfigs.emr(EMR.baseUrl()));
  }

  @Test
  void aClusterWalksFromStartingToReadyToFailedWithItsReasonCode() {
    EmrClusterProvider provider = provider();
    step(Scenario.STARTED, "bootstrapping", summary("j-1", "lakeops-c1", "STARTING", null, null));
    step("bootstrapping", "waiting", summary("j-1", "lakeops-c1", "BOOTSTRAPPING", null, null));
    step("waiting", "lost", summary("j-1", "lakeops-c1", "WAITING", null, null));
    step(
        "lost",
        "lost",
        summary("j-1", "lakeops-c1", "TERMINATED_WITH_ERRORS", "INSTANCE_FAILURE", SPOT_LOSS));
    stubReadyDetails();

    assertThat(provider.describe(List.of("j-1")).get("j-1").state())
        .isEqualTo(ClusterState.STARTING);
    assertThat(provider.describe(List.of("j-1")).get("j-1").state())
        .isEqualTo(ClusterState.STARTING);
    ProvidedCluster ready = provider.describe(List.of("j-1")).get("j-1");
    ProvidedCluster failed = provider.describe(List.of("j-1")).get("j-1");

    assertThat(ready.state()).isEqualTo(ClusterState.READY);
    assertThat(ready.endpoint()).isEqualTo("http://" + DNS + ":8998");
    assertThat(ready.marketMix()).isEqualTo(new MarketMix(2, 1));
    assertThat(failed.state()).isEqualTo(ClusterState.FAILED);
    assertThat(failed.reason()).isEqualTo("INSTANCE_FAILURE: " + SPOT_LOSS);
    assertThat(failed.endpoint()).isNull();
    assertThat(failed.marketMix()).isEqualTo(new MarketMix(2, 1));
    assertCalls(4, 1, 1);
  }

  @Test
  void aSteadyPassCostsOneListClustersAndTheMixIsReadAgainOnlyAfterItsRefresh() {
    EmrClusterProvider provider = provider();
    EMR.stubFor(
        operation("ListClusters")
            .willReturn(
                ok(
                    clusters(
                        summary("j-1", "lakeops-c1", "WAITING", null, null),
                        summary("j-2", "lakeops-c2", "RUNNING", null, null),
                        summary("j-9", "someone-else", "WAITING", null, null)))));
    stubReadyDetails();
    provider.describe(List.of("j-1", "j-2"));
    EMR.resetRequests();

    Map<String, ProvidedCluster> steady = provider.describe(List.of("j-1", "j-2"));

    assertThat(steady).containsOnlyKeys("j-1", "j-2");
    assertThat(steady.values()).allMatch(c -> c.state() == ClusterState.READY);
    assertThat(steady.get("j-2").endpoint()).isEqualTo("http://" + DNS + ":8998");
    assertCalls(1, 0, 0);

    clock.advance(Duration.ofMinutes(6));
    provider.describe(List.of("j-1", "j-2"));

    assertCalls(2, 0, 2);
  }

  @Test
  void listClustersLooksBackOverTheWindowWithoutAStateFilterAndFollowsItsPages() {
    EmrClusterProvider provider = provider();
    EMR.stubFor(
        operation("ListClusters")
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.Marker", equalTo("page-2")))
            .willReturn(ok(clusters(summary("j-2", "lakeops-c2", "STARTING", null, null)))));
    EMR.stubFor(
        operation("ListClusters")
            .atPriority(5)
            .willReturn(
                ok(
                    "{\"Clusters\":["
                        + summary("j-1", "lakeops-c1", "STARTING", null, null)
                        + "],\"Marker\":\"page-2\"}")));

    assertThat(provider.describe(List.of("j-1", "j-2"))).containsOnlyKeys("j-1", "j-2");

    long sevenDaysBefore = clock.instant().minus(Duration.ofDays(7)).getEpochSecond();
    EMR.verify(
        2,
        requested("ListClusters")
            // JSON 1.1 sends times as epoch seconds with milliseconds: 1795089600.000
            .withRequestBody(containing("\"CreatedAfter\":" + sevenDaysBefore + "."))
            .withRequestBody(not(matchingJsonPath("$.ClusterStates"))));
  }

  @Test
  void anIdListClustersDidNotReturnIsDescribedOnceAndAnUnknownOneIsAbsent() {
    EmrClusterProvider provider = provider();
    EMR.stubFor(operation("ListClusters").willReturn(ok(clusters())));
    EMR.stubFor(
        operation("DescribeCluster")
            .withRequestBody(matchingJsonPath("$.ClusterId", equalTo("j-OLD")))
            .willReturn(ok(described("j-OLD", "WAITING", DNS))));
    EMR.stubFor(
        operation("DescribeCluster")
            .withRequestBody(matchingJsonPath("$.ClusterId", equalTo("j-GONE")))
            .willReturn(
                error(400, "InvalidRequestException", "Cluster id 'j-GONE' is not valid.")));
    EMR.stubFor(operation("ListInstances").willReturn(ok(instances("ON_DEMAND"))));

    Map<String, ProvidedCluster> seen = provider.describe(List.of("j-OLD", "j-GONE"));

    assertThat(seen).containsOnlyKeys("j-OLD");
    assertThat(seen.get("j-OLD").endpoint()).isEqualTo("http://" + DNS + ":8998");
    EMR.verify(2, requested("DescribeCluster"));
  }

  @Test
  void throttlingIsRetriedByTheSdk() {
    EmrClusterProvider provider = provider();
    throttleListClusters(2);

    Map<String, ProvidedCluster> seen = provider.describe(List.of("j-1"));

    assertThat(seen.get("j-1").state()).isEqualTo(ClusterState.STARTING);
    EMR.verify(3, requested("ListClusters"));
  }

  @Test
  void throttlingBeyondTheConfiguredRetriesFailsRetryably() {
    EmrClusterProvider provider =
        provider(TestEmrConfigs.emr(EMR.baseUrl()).withThrottlingRetries(1));
    throttleListClusters(2);

    assertThatThrownBy(() -> provider.describe(List.of("j-1")))
        .isInstanceOf(EmrCallException.class)
        .hasMessageStartingWith("EMR kept throttling ListClusters")
        .satisfies(e -> assertThat(((EmrCallException) e).retryable()).isTrue());
    EMR.verify(2, requested("ListClusters"));
  }

  @Test
  void nothingAskedCostsNoCall() {
    assertThat(provider().describe(List.of())).isEmpty();
    EMR.verify(0, requested("ListClusters"));
  }

  /** How many ListClusters, DescribeCluster and ListInstances calls WireMock saw. */
  private static void assertCalls(int listClusters, int describeCluster, int listInstances) {
    EMR.verify(listClusters, requested("ListClusters"));
    EMR.verify(describeCluster, requested("DescribeCluster"));
    EMR.verify(listInstances, requested("ListInstances"));
  }

  private void throttleListClusters(int times) {
    for (int i = 0; i < times; i++) {
      EMR.stubFor(
          listClusters(i == 0 ? Scenario.STARTED : "throttled-" + i, "throttled-" + (i + 1))
              .willReturn(error(400, "ThrottlingException", "Rate exceeded")));
    }
    EMR.stubFor(
        listClusters("throttled-" + times, "throttled-" + times)
            .willReturn(ok(clusters(summary("j-1", "lakeops-c1", "STARTING", null, null)))));
  }

  private void step(String from, String to, String summary) {
    EMR.stubFor(listClusters(from, to).willReturn(ok(clusters(summary))));
  }

  private static MappingBuilder listClusters(String from, String to) {
    return operation("ListClusters")
        .inScenario("cluster")
        .whenScenarioStateIs(from)
        .willSetStateTo(to);
  }

  private void stubReadyDetails() {
    EMR.stubFor(operation("DescribeCluster").willReturn(ok(described("j-1", "WAITING", DNS))));
    EMR.stubFor(operation("ListInstances").willReturn(ok(instances("SPOT", "ON_DEMAND", "SPOT"))));
  }
}
