package io.lakeops.adapters.livy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.lakeops.ports.LogPage;
import io.lakeops.ports.Submission;
import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.ports.SubmissionState;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.ports.SubmitterUnavailableException;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Livy adapter against recorded Livy exchanges served by WireMock (not a real Livy: that is
 * LocalLivyClusterIT). Any request without a recorded exchange gets a JSON 400, so a missing stub
 * fails the test loudly instead of passing by accident.
 */
@QuarkusTest
class LivySparkSubmitterTest {
  private static final String NAME = "orders~20261126t120500z-a1";
  private static final SubmitRequest REQUEST =
      new SubmitRequest(
          NAME,
          "s3://lake-jobs/lakeops-spark-jobs-job.jar",
          "io.lakeops.jobs.extraction.ExtractionJob",
          List.of("--table", "orders"),
          Map.of("spark.sql.shuffle.partitions", "8"));

  private static WireMockServer livy;
  private String endpoint;
  private LivySparkSubmitter submitter;

  @BeforeAll
  static void startWireMock() {
    livy = new WireMockServer(options().dynamicPort());
    livy.start();
  }

  @AfterAll
  static void stopWireMock() {
    // Null when the test application failed to boot: let that failure be the one reported.
    if (livy != null) {
      livy.stop();
    }
  }

  @BeforeEach
  void freshSubmitter() {
    livy.resetAll();
    livy.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(json(400, "{\"msg\":\"no recorded exchange for this request\"}")));
    endpoint = livy.baseUrl() + "/";
    submitter = new LivySparkSubmitter(TestLivyConfig.defaults());
  }

  @Test
  void submitPostsTheBatchAndReturnsLivysId() {
    livy.stubFor(
        post("/batches")
            .withRequestBody(
                equalToJson(
                    "{\"file\":\"s3://lake-jobs/lakeops-spark-jobs-job.jar\","
                        + "\"className\":\"io.lakeops.jobs.extraction.ExtractionJob\","
                        + "\"args\":[\"--table\",\"orders\"],"
                        + "\"conf\":{\"spark.sql.shuffle.partitions\":\"8\","
                        + "\"spark.submit.deployMode\":\"cluster\"},"
                        + "\"name\":\""
                        + NAME
                        + "\"}"))
            .willReturn(recorded(201, "post-batches-created.json")));

    submitter =
        new LivySparkSubmitter(TestLivyConfig.withDeployMode(TestLivyConfig.defaults(), "cluster"));

    assertThat(submitter.submit(endpoint, REQUEST)).isEqualTo(new Submission("7", NAME));
  }

  @Test
  void aSubmitWhoseNameLivyAlreadyHasReAttachesToThatBatch() {
    livy.stubFor(post("/batches").willReturn(recorded(400, "duplicate-name.json")));
    stubListing();

    assertThat(submitter.submit(endpoint, REQUEST)).isEqualTo(new Submission("7", NAME));
    livy.verify(1, postRequestedFor(urlEqualTo("/batches")));
  }

  @Test
  void aSubmitThatFailedOnTheServerLooksForItsBatchBeforePostingAgain() {
    livy.stubFor(post("/batches").willReturn(json(502, "{\"msg\":\"bad gateway\"}")));
    stubListing();

    assertThat(submitter.submit(endpoint, REQUEST)).isEqualTo(new Submission("7", NAME));
    livy.verify(1, postRequestedFor(urlEqualTo("/batches")));
  }

  @Test
  void aSubmitThatDidNotGetThroughIsPostedAgain() {
    livy.stubFor(
        post("/batches")
            .inScenario("submit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(503, "{\"msg\":\"busy\"}"))
            .willSetStateTo("recovered"));
    livy.stubFor(
        post("/batches")
            .inScenario("submit")
            .whenScenarioStateIs("recovered")
            .willReturn(recorded(201, "post-batches-created.json")));
    livy.stubFor(
        get(urlPathEqualTo("/batches"))
            .willReturn(json(200, "{\"from\":0,\"total\":0,\"sessions\":[]}")));

    assertThat(submitter.submit(endpoint, REQUEST).id()).isEqualTo("7");
    livy.verify(2, postRequestedFor(urlEqualTo("/batches")));
  }

  @Test
  void aRefusedSubmitIsRejectedAndNotRetried() {
    livy.stubFor(post("/batches").willReturn(recorded(400, "whitelist-refused.json")));

    assertThatThrownBy(() -> submitter.submit(endpoint, REQUEST))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("cannot be added to user sessions");
    livy.verify(1, postRequestedFor(urlEqualTo("/batches")));
  }

  @Test
  void statusMapsLivyStatesAndKeepsTheRemoteWordAndApplicationId() {
    livy.stubFor(get("/batches/7").willReturn(recorded(200, "batch-success.json")));
    livy.stubFor(get("/batches/8").willReturn(recorded(200, "batch-dead.json")));
    livy.stubFor(get("/batches/9").willReturn(recorded(200, "batch-running.json")));

    var success = submitter.status(endpoint, "7");
    assertThat(success.state()).isEqualTo(SubmissionState.SUCCEEDED);
    assertThat(success.remoteState()).isEqualTo("success");
    assertThat(success.applicationId()).isEqualTo("local-1796247579853");
    assertThat(submitter.status(endpoint, "8").state()).isEqualTo(SubmissionState.FAILED);
    assertThat(submitter.status(endpoint, "9").state()).isEqualTo(SubmissionState.RUNNING);
  }

  @Test
  void aBatchLivyDoesNotKnowIsUnknownNotAnError() {
    livy.stubFor(get("/batches/7").willReturn(recorded(404, "not-found.json")));

    assertThat(submitter.status(endpoint, "7").state()).isEqualTo(SubmissionState.UNKNOWN);
  }

  @Test
  void readsAreRetriedThroughServerErrors() {
    livy.stubFor(
        get("/batches/7")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(500, "{\"msg\":\"boom\"}"))
            .willSetStateTo("second"));
    livy.stubFor(
        get("/batches/7")
            .inScenario("flaky")
            .whenScenarioStateIs("second")
            .willReturn(json(503, "{\"msg\":\"boom\"}"))
            .willSetStateTo("ok"));
    livy.stubFor(
        get("/batches/7")
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(recorded(200, "batch-running.json")));

    assertThat(submitter.status(endpoint, "7").state()).isEqualTo(SubmissionState.RUNNING);
    livy.verify(3, getRequestedFor(urlEqualTo("/batches/7")));
  }

  @Test
  void aSlowLivyIsUnavailableAfterItsRetries() {
    livy.stubFor(
        get("/batches/7").willReturn(recorded(200, "batch-running.json").withFixedDelay(2500)));
    submitter = new LivySparkSubmitter(TestLivyConfig.withRetries(TestLivyConfig.defaults(), 1));

    assertThatThrownBy(() -> submitter.status(endpoint, "7"))
        .isInstanceOf(SubmitterUnavailableException.class)
        .hasMessageContaining("unreachable");
    livy.verify(2, getRequestedFor(urlEqualTo("/batches/7")));
  }

  @Test
  void aClusterNobodyListensOnIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }

    assertThatThrownBy(() -> submitter.status("http://127.0.0.1:" + closedPort, "7"))
        .isInstanceOf(SubmitterUnavailableException.class);
    assertThatThrownBy(() -> submitter.submit("http://127.0.0.1:" + closedPort, REQUEST))
        .isInstanceOf(SubmitterUnavailableException.class);
  }

  @Test
  void theCircuitBreakerIsPerEndpointAndClosesAgainWhenLivyRecovers() throws Exception {
    livy.stubFor(get("/sick/batches/7").willReturn(json(500, "{\"msg\":\"down\"}")));
    livy.stubFor(get("/well/batches/7").willReturn(recorded(200, "batch-running.json")));
    String sick = livy.baseUrl() + "/sick";
    submitter = new LivySparkSubmitter(TestLivyConfig.withRetries(TestLivyConfig.defaults(), 0));

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> submitter.status(sick, "7"))
          .isInstanceOf(SubmitterUnavailableException.class);
    }
    assertThatThrownBy(() -> submitter.status(sick, "7"))
        .isInstanceOf(LivyFailures.CircuitOpen.class);
    livy.verify(4, getRequestedFor(urlEqualTo("/sick/batches/7")));
    assertThat(submitter.status(livy.baseUrl() + "/well", "7").state())
        .isEqualTo(SubmissionState.RUNNING);

    livy.stubFor(get("/sick/batches/7").willReturn(recorded(200, "batch-running.json")));
    Thread.sleep(500);
    assertThat(submitter.status(sick, "7").state()).isEqualTo(SubmissionState.RUNNING);
  }

  @Test
  void findByNamePagesThroughLivysBatches() {
    stubListing();

    assertThat(submitter.findByName(endpoint, NAME)).contains(new Submission("7", NAME));
    assertThat(submitter.findByName(endpoint, "nobody~x-a1")).isEmpty();
  }

  @Test
  void logPagesPassFromAndSize() {
    livy.stubFor(
        get(urlPathEqualTo("/batches/7/log"))
            .withQueryParam("from", equalTo("2"))
            .withQueryParam("size", equalTo("3"))
            .willReturn(recorded(200, "log-page.json")));
    livy.stubFor(get(urlPathEqualTo("/batches/8/log")).willReturn(recorded(404, "not-found.json")));

    LogPage page = submitter.log(endpoint, "7", 2, 3);
    assertThat(page.from()).isEqualTo(2);
    assertThat(page.total()).isEqualTo(7);
    assertThat(page.lines()).hasSize(3).anyMatch(l -> l.contains("wrote 151 rows"));
    assertThat(submitter.log(endpoint, "8", 0, 10)).isEqualTo(new LogPage(0, 0, List.of()));
  }

  @Test
  void killDeletesALiveBatchWhichThenReadsKilled() {
    livy.stubFor(
        get("/batches/7")
            .inScenario("kill")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(recorded(200, "batch-running.json")));
    livy.stubFor(
        delete("/batches/7")
            .inScenario("kill")
            .willReturn(recorded(200, "deleted.json"))
            .willSetStateTo("deleted"));
    livy.stubFor(
        get("/batches/7")
            .inScenario("kill")
            .whenScenarioStateIs("deleted")
            .willReturn(recorded(404, "not-found.json")));

    submitter.kill(endpoint, "7");

    livy.verify(1, deleteRequestedFor(urlEqualTo("/batches/7")));
    assertThat(submitter.status(endpoint, "7").state()).isEqualTo(SubmissionState.KILLED);
  }

  @Test
  void killLeavesFinishedAndUnknownBatchesAlone() {
    livy.stubFor(get("/batches/7").willReturn(recorded(200, "batch-success.json")));
    livy.stubFor(get("/batches/8").willReturn(recorded(404, "not-found.json")));

    submitter.kill(endpoint, "7");
    submitter.kill(endpoint, "8");

    livy.verify(0, deleteRequestedFor(anyUrl()));
  }

  private static void stubListing() {
    livy.stubFor(
        get(urlPathEqualTo("/batches"))
            .withQueryParam("from", equalTo("0"))
            .withQueryParam("size", equalTo("2"))
            .willReturn(recorded(200, "batches-page-0.json")));
    livy.stubFor(
        get(urlPathEqualTo("/batches"))
            .withQueryParam("from", equalTo("2"))
            .withQueryParam("size", equalTo("2"))
            .willReturn(recorded(200, "batches-page-1.json")));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=utf-8")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder recorded(int status, String file) {
    try (InputStream in = LivySparkSubmitterTest.class.getResourceAsStream("/livy/" + file)) {
      return json(status, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
