package io.lakeops.adapters.emr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.lakeops.config.EmrConfig;
import io.lakeops.config.PoolsConfig;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Recorded exchanges of EMR's JSON 1.1 protocol ({@code POST /} with {@code X-Amz-Target:
 * ElasticMapReduce.<Operation>}) in WireMock: never a real AWS account. Anything without a stub
 * gets EMR's InvalidRequestException, so a missing stub fails the test loudly.
 */
public final class EmrStubs {
  public static final String JSON = "application/x-amz-json-1.1";

  private EmrStubs() {}

  /** The catch-all of every test: lowest priority, EMR's error shape. */
  public static void noStubFailsLoudly(WireMockExtension emr) {
    emr.stubFor(
        any(anyUrl())
            .atPriority(100)
            .willReturn(error(400, "InvalidRequestException", "no stub for this request")));
  }

  /** A request for one EMR operation. */
  public static MappingBuilder operation(String name) {
    return post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("ElasticMapReduce." + name))
        .withHeader("Content-Type", equalTo(JSON));
  }

  /** What WireMock saw of one EMR operation. */
  public static RequestPatternBuilder requested(String name) {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("ElasticMapReduce." + name));
  }

  public static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
  }

  public static ResponseDefinitionBuilder error(int status, String type, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", JSON)
        .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}");
  }

  /** A cluster as ListClusters lists it. */
  public static String summary(String id, String name, String state, String code, String message) {
    String reason =
        code == null ? "{}" : "{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"}";
    return "{\"Id\":\""
        + id
        + "\",\"Name\":\""
        + name
        + "\",\"Status\":{\"State\":\""
        + state
        + "\",\"StateChangeReason\":"
        + reason
        + ",\"Timeline\":{\"CreationDateTime\":1.7645832E9}}}";
  }

  public static String clusters(String... summaries) {
    return "{\"Clusters\":[" + String.join(",", summaries) + "]}";
  }

  /** DescribeCluster's answer for a cluster with this master DNS name. */
  public static String described(String id, String state, String masterDns) {
    return "{\"Cluster\":{\"Id\":\""
        + id
        + "\",\"Name\":\"lakeops-x\",\"Status\":{\"State\":\""
        + state
        + "\"},\"MasterPublicDnsName\":\""
        + masterDns
        + "\"}}";
  }

  /** ListInstances' answer: running instances on these markets (SPOT or ON_DEMAND). */
  public static String instances(String... markets) {
    StringBuilder json = new StringBuilder("{\"Instances\":[");
    for (int i = 0; i < markets.length; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"Id\":\"ci-")
          .append(i)
          .append("\",\"Market\":\"")
          .append(markets[i])
          .append("\",\"Status\":{\"State\":\"RUNNING\"}}");
    }
    return json.append("]}").toString();
  }

  /**
   * EMR serving one cluster, j-1, with its master at {@code masterDns}: no live cluster of the
   * launch's name yet, RunJobFlow answers j-1 and then j-2, ListClusters lists j-1 WAITING, and
   * DescribeCluster, ListInstances and TerminateJobFlows answer.
   */
  public static void servingOneCluster(WireMockExtension emr, String masterDns) {
    noStubFailsLoudly(emr);
    // A launch first looks for a live cluster of that name (a state filter): there is none.
    emr.stubFor(
        operation("ListClusters")
            .atPriority(2)
            .withRequestBody(matchingJsonPath("$.ClusterStates"))
            .willReturn(ok(clusters())));
    emr.stubFor(
        operation("ListClusters")
            .atPriority(5)
            .willReturn(ok(clusters(summary("j-1", "lakeops-c1", "WAITING", null, null)))));
    emr.stubFor(
        operation("RunJobFlow")
            .inScenario("launches")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("second")
            .willReturn(ok("{\"JobFlowId\":\"j-1\"}")));
    emr.stubFor(
        operation("RunJobFlow")
            .inScenario("launches")
            .whenScenarioStateIs("second")
            .willReturn(ok("{\"JobFlowId\":\"j-2\"}")));
    emr.stubFor(
        operation("DescribeCluster").willReturn(ok(described("j-1", "WAITING", masterDns))));
    emr.stubFor(operation("ListInstances").willReturn(ok(instances("ON_DEMAND", "SPOT"))));
    emr.stubFor(operation("TerminateJobFlows").willReturn(ok("{}")));
  }

  /**
   * From now on the clusters' ListClusters (no state filter) lists j-1 TERMINATED_WITH_ERRORS for a
   * spot loss, ended at {@code died}.
   */
  public static void spotLossOfTheCluster(WireMockExtension emr, Instant died) {
    String ended =
        "{\"Id\":\"j-1\",\"Name\":\"lakeops-c1\",\"Status\":{\"State\":\"TERMINATED_WITH_ERRORS\","
            + "\"StateChangeReason\":{\"Code\":\"INSTANCE_FAILURE\",\"Message\":\"Spot capacity"
            + " was reclaimed by EC2\"},\"Timeline\":{\"CreationDateTime\":1.7645832E9,"
            + "\"EndDateTime\":"
            + died.getEpochSecond()
            + "}}}";
    emr.stubFor(
        operation("ListClusters")
            .atPriority(3)
            .withRequestBody(not(matchingJsonPath("$.ClusterStates")))
            .willReturn(ok(clusters(ended))));
  }

  /** The provider against this WireMock, with fixed test credentials and us-east-1. */
  static EmrClusterProvider provider(EmrConfig config, PoolsConfig pools, Clock clock) {
    return new EmrClusterProvider(
        EmrClients.builder(config)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))),
        config,
        pools,
        clock);
  }
}
