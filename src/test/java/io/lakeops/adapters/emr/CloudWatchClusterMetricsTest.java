package io.lakeops.adapters.emr;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.lakeops.adapters.emr.CloudWatchStubs.answer;
import static io.lakeops.adapters.emr.CloudWatchStubs.getMetricData;
import static io.lakeops.adapters.emr.CloudWatchStubs.getMetricDataRequested;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lakeops.adapters.emr.CloudWatchStubs.Result;
import io.lakeops.ports.ClusterFigures;
import io.lakeops.testdata.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The clusters' health figures from CloudWatch, against recorded RPC v2 CBOR exchanges. */
class CloudWatchClusterMetricsTest {
  @RegisterExtension
  static final WireMockExtension CLOUDWATCH =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private final MutableClock clock = MutableClock.at(NOW.toString());
  private CloudWatchClusterMetrics metrics;

  @BeforeEach
  void client() {
    CLOUDWATCH.stubFor(
        any(anyUrl())
            .atPriority(100)
            .willReturn(CloudWatchStubs.error(400, "InvalidParameterValue", "no stub for this")));
    metrics =
        new CloudWatchClusterMetrics(
            CloudWatchClusterMetrics.builder(TestEmrConfigs.emr(CLOUDWATCH.baseUrl()))
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")))
                .build(),
            Duration.ofMinutes(5),
            clock);
  }

  @Test
  void oneCallReadsFourMetricsOfEveryClusterAndKeepsTheNewestPointOfEach() {
    Instant newest = NOW.minusSeconds(300);
    Instant older = NOW.minusSeconds(600);
    CLOUDWATCH.stubFor(
        getMetricData()
            .willReturn(
                answer(
                    new Result("c0_0", List.of(newest, older), List.of(0.0, 1.0)),
                    new Result("c0_1", List.of(newest, older), List.of(37.5, 90.0)),
                    new Result("c0_2", List.of(newest), List.of(3.0)),
                    new Result("c0_3", List.of(newest), List.of(1.0)),
                    new Result("c1_0", List.of(older), List.of(1.0)),
                    new Result("c1_1", List.of(), List.of()),
                    new Result("c1_2", List.of(), List.of()),
                    new Result("c1_3", List.of(), List.of()),
                    new Result("c2_0", List.of(), List.of()),
                    new Result("c2_1", List.of(), List.of()),
                    new Result("c2_2", List.of(), List.of()),
                    new Result("c2_3", List.of(), List.of()))));

    Map<String, ClusterFigures> figures = metrics.latest(List.of("j-BUSY", "j-IDLE", "j-NEW"));

    assertThat(figures.get("j-BUSY")).isEqualTo(new ClusterFigures(newest, false, 37.5, 3L, 1L));
    assertThat(figures.get("j-IDLE"))
        .as("what CloudWatch has not reported stays unknown")
        .isEqualTo(new ClusterFigures(older, true, null, null, null));
    assertThat(figures).as("a cluster without any point yet has no figures").hasSize(2);

    List<LoggedRequest> calls = CLOUDWATCH.findAll(getMetricDataRequested());
    assertThat(calls).hasSize(1);
    JsonNode request = CloudWatchStubs.body(calls.get(0).getBody());
    assertThat(request.path("ScanBy").asText()).isEqualTo("TimestampDescending");
    JsonNode queries = request.path("MetricDataQueries");
    assertThat(queries).hasSize(12);
    List<String> read = new ArrayList<>();
    for (JsonNode q : queries) {
      JsonNode stat = q.path("MetricStat");
      assertThat(stat.path("Metric").path("Namespace").asText()).isEqualTo("AWS/ElasticMapReduce");
      assertThat(stat.path("Period").asInt()).isEqualTo(300);
      JsonNode dimension = stat.path("Metric").path("Dimensions").get(0);
      assertThat(dimension.path("Name").asText()).isEqualTo("JobFlowId");
      read.add(
          q.path("Id").asText()
              + " "
              + dimension.path("Value").asText()
              + " "
              + stat.path("Metric").path("MetricName").asText()
              + " "
              + stat.path("Stat").asText());
    }
    assertThat(read)
        .startsWith(
            "c0_0 j-BUSY IsIdle Minimum",
            "c0_1 j-BUSY YARNMemoryAvailablePercentage Average",
            "c0_2 j-BUSY ContainerPending Maximum",
            "c0_3 j-BUSY MRUnhealthyNodes Maximum",
            "c1_0 j-IDLE IsIdle Minimum");
  }

  @Test
  void thePaneAskingEveryTwoSecondsCostsOneReadPerRefreshInterval() {
    CLOUDWATCH.stubFor(
        getMetricData()
            .willReturn(answer(new Result("c0_0", List.of(NOW.minusSeconds(60)), List.of(1.0)))));

    for (int i = 0; i < 10; i++) {
      assertThat(metrics.latest(List.of("j-1"))).containsKey("j-1");
      clock.advance(Duration.ofSeconds(2));
    }
    assertThat(CLOUDWATCH.findAll(getMetricDataRequested())).hasSize(1);

    clock.advance(Duration.ofMinutes(5));
    metrics.latest(List.of("j-1"));
    assertThat(CLOUDWATCH.findAll(getMetricDataRequested())).hasSize(2);

    metrics.latest(List.of("j-1", "j-2"));
    assertThat(CLOUDWATCH.findAll(getMetricDataRequested()))
        .as("a cluster not read yet is read at once")
        .hasSize(3);
  }

  @Test
  void aRefusedReadLeavesTheFiguresOutAndIsNotTriedAgainBeforeTheInterval() {
    CLOUDWATCH.stubFor(
        getMetricData()
            .willReturn(
                CloudWatchStubs.error(
                    400, "AccessDenied", "not authorized to perform: cloudwatch:GetMetricData")));

    assertThat(metrics.latest(List.of("j-1"))).isEmpty();
    assertThat(metrics.latest(List.of("j-1"))).isEmpty();
    assertThat(CLOUDWATCH.findAll(getMetricDataRequested())).hasSize(1);
  }

  @Test
  void manyClustersAreReadInCallsOfAtMostFiveHundredQueries() {
    CLOUDWATCH.stubFor(getMetricData().willReturn(answer()));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      ids.add("j-" + i);
    }

    assertThat(metrics.latest(ids)).isEmpty();

    List<LoggedRequest> calls = CLOUDWATCH.findAll(getMetricDataRequested());
    assertThat(calls).hasSize(2);
    assertThat(CloudWatchStubs.body(calls.get(0).getBody()).path("MetricDataQueries")).hasSize(500);
    assertThat(CloudWatchStubs.body(calls.get(1).getBody()).path("MetricDataQueries")).hasSize(20);
  }
}
