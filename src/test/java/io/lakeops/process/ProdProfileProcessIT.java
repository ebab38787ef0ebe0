package io.lakeops.process;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.lakeops.adapters.emr.EmrStubs.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.lakeops.adapters.dynamodb.DynaliteServer;
import io.lakeops.adapters.emr.EmrStubs;
import io.lakeops.adapters.local.StandaloneLivy;
import io.lakeops.adapters.s3.S3ProxyServer;
import io.lakeops.adapters.s3.TestBucket;
import io.lakeops.adapters.sqs.SqsStubs;
import io.lakeops.testdata.LakeRows;
import io.lakeops.testdata.MariaDbServer;
import io.lakeops.testdata.OrdersTable;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged console in the {@code prod} profile, as a deployment runs it, with nothing of the
 * embedded default: job state in DynamoDB (dynalite), EMR and SQS as recorded exchanges of their
 * JSON protocols (WireMock: never AWS), the lake on S3 (S3Proxy) and a real Livy where the recorded
 * cluster's master says it is. One scheduled extraction of a real MariaDB table goes from its
 * schedule to SUCCEEDED with its figures read from the manifest through the S3 API; then a spot
 * loss reported by EventBridge's event on the queue is acted on before the next scheduled pass.
 *
 * <p>S3Proxy serves a folder (jclouds' filesystem backend): the Spark job, in local mode, writes
 * the lake there on local disk, as a job on EMR writes it to the bucket, and the console, whose
 * lake is {@code s3://…}, can only read it back through S3. What EMR itself does (instances, YARN,
 * the cluster deploy mode) is not run here: the cluster is its recorded answers, Livy runs Spark's
 * local master, so batches are submitted in client mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProdProfileProcessIT {
  @RegisterExtension
  static final WireMockExtension EMR =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .resetOnEachTest(false) // the console keeps calling between the tests
          .build();

  @RegisterExtension
  static final WireMockExtension SQS =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .resetOnEachTest(false) // the console keeps calling between the tests
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 180;

  /** Far apart, so that what an event does cannot be mistaken for a scheduled pass's work. */
  private static final Duration PASS_INTERVAL = Duration.ofSeconds(12);

  private static final List<String> POOLS = List.of("small", "medium", "large");

  private final List<AutoCloseable> started = new ArrayList<>();
  private MariaDbServer source;
  private TestBucket bucket;
  private Path lakeFolder;
  private ConsoleProcess console;

  @BeforeAll
  void startTheDeployment() throws Exception {
    Path work =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target/prod-it").toAbsolutePath()), "run-");
    source = closing(MariaDbServer.start(work.resolve("mariadb")));
    OrdersTable.createShop(source, ROWS, Instant.parse("2026-06-01T00:00:00Z"));
    DynaliteServer dynamo = closing(DynaliteServer.start());
    Path objects = Files.createDirectories(work.resolve("s3"));
    S3ProxyServer s3 = closing(S3ProxyServer.overFolder(objects));
    bucket = TestBucket.fresh(s3, "lake");
    lakeFolder = objects.resolve(bucket.name()).resolve("lake");
    Path clusterJars =
        Path.of(System.getProperty("lakeops.localClusterHome", "target/local-cluster"));
    StandaloneLivy livy = closing(StandaloneLivy.start(clusterJars, work.resolve("livy")));
    // The master's address is this machine's, where the real Livy listens on the configured port.
    EmrStubs.servingOneCluster(EMR, "127.0.0.1");
    SqsStubs.emptyQueue(SQS, Duration.ofSeconds(1)); // SQS's long poll, shortened

    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("lakeops.store.dynamodb.endpoint-override", dynamo.endpoint().toString());
    settings.put("lakeops.store.dynamodb.table-prefix", "prod-it-");
    settings.put("lakeops.store.dynamodb.create-tables", "true");
    settings.put("lakeops.emr.endpoint-override", EMR.baseUrl());
    settings.put("lakeops.emr.region", "us-east-1");
    settings.put("lakeops.emr.console-id", "prod-it");
    settings.put("lakeops.emr.livy-port", Integer.toString(livy.port()));
    settings.put("lakeops.emr.figures-refresh", "0s");
    for (String pool : POOLS) {
      emrPool(settings, pool);
    }
    settings.put("lakeops.pools.small.desired", "1");
    settings.put("lakeops.clusters.events.sqs-queue-url", SqsStubs.QUEUE);
    settings.put("lakeops.clusters.events.sqs-endpoint-override", SQS.baseUrl());
    settings.put("lakeops.clusters.events.receive-wait", "1s");
    settings.put("lakeops.lake.base", bucket.uri());
    settings.put("lakeops.lake.s3.endpoint-override", s3.endpoint().toString());
    settings.put("lakeops.lake.s3.path-style", "true");
    settings.put("lakeops.lake.s3.region", "us-east-1");
    settings.put("lakeops.streaming.base", "s3://" + bucket.name() + "/streaming");
    // The cluster's view of the jar and the lake: on EMR s3:// locations, here Livy's local disk.
    settings.put("lakeops.spark-jobs.jar", livy.jobsJar().toString());
    settings.put("lakeops.spark-jobs.lake", lakeFolder.toString());
    settings.put("lakeops.livy.deploy-mode", "client");
    settings.put("lakeops.sources.shop.jdbc-url", source.url("shop"));
    settings.put("lakeops.sources.shop.user", "root");
    settings.put("lakeops.scheduler.interval", PASS_INTERVAL.toSeconds() + "s");
    console =
        closing(
            ConsoleProcess.startProd(
                work.resolve("data"),
                "prod",
                settings,
                Map.of(
                    "AWS_ACCESS_KEY_ID", "test",
                    "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_REGION", "us-east-1")));
  }

  @AfterAll
  void stopTheDeployment() {
    RuntimeException failed = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        failed = failed == null ? new IllegalStateException("could not stop everything") : failed;
        failed.addSuppressed(e);
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  @Test
  @Order(1)
  void aScheduledExtractionGoesFromItsScheduleToSucceededWithItsManifestReadFromS3()
      throws Exception {
    // Due once, at the next minute at least 30 s away, then not before tomorrow: one window.
    Instant firing = Instant.now().plusSeconds(90).truncatedTo(ChronoUnit.MINUTES);
    ZonedDateTime at = firing.atZone(ZoneOffset.UTC);
    created(
        console.api(
            "POST",
            "/api/jobs?reason=prod%20profile%20test",
            job("orders-prod", "cron " + at.getMinute() + " " + at.getHour() + " * * *")));

    JsonNode run =
        await("the window due at " + firing + " is run on the EMR cluster to its end")
            .atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(this::onlyRun, r -> r != null && finished(r.path("state").asText()));

    assertThat(run.path("state").asText())
        .as(run.path("failures").path("message").asText())
        .isEqualTo("SUCCEEDED");
    assertThat(Instant.parse(run.path("scheduledFor").asText())).isEqualTo(firing);
    assertThat(run.path("cluster").asText()).isEqualTo(readyCluster().path("id").asText());
    assertThat(run.path("result").path("rowsRead").asLong()).isEqualTo(ROWS);
    assertThat(run.path("result").path("rowsWritten").asLong()).isEqualTo(ROWS);
    EMR.verify(
        1,
        requested("RunJobFlow")
            .withRequestBody(matchingJsonPath("$.Tags[?(@.Key == 'lakeops:console')]"))
            .withRequestBody(containing("\"prod-it\"")));

    // Separate readers: the manifest as S3 serves it, and the batch's rows against the source.
    String id = run.path("id").asText();
    JsonNode manifest =
        JSON.readTree(
            bucket
                .client()
                .getObjectAsBytes(
                    b ->
                        b.bucket(bucket.name())
                            .key("lake/table=orders/_manifests/batch=" + id + ".json"))
                .asUtf8String());
    assertThat(manifest.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(manifest.path("rowsWritten").asLong()).isEqualTo(ROWS);
    List<Long> lake = LakeRows.ids(lakeFolder.resolve("table=orders/batch=" + id));
    assertThat(lake).hasSize(ROWS).doesNotHaveDuplicates().isEqualTo(sourceIds());
  }

  @Test
  @Order(2)
  void aClusterDeathReportedByAnSqsEventIsActedOnBeforeTheNextPoll() throws Exception {
    JsonNode serving = readyCluster();
    assertThat(serving.path("providerId").asText()).isEqualTo("j-1");
    int launches = EMR.findAll(requested("RunJobFlow")).size();

    Instant polled = nextScheduledPass();
    Instant died = Instant.now();
    EmrStubs.spotLossOfTheCluster(EMR, died);
    SqsStubs.deliverTheSpotLossOnce(SQS, "r-spot-loss");

    await("the replacement is launched")
        .atMost(PASS_INTERVAL)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> EMR.findAll(requested("RunJobFlow")).size() == launches + 1);
    Instant replaced = Instant.now();

    Duration nextPollDue = Duration.between(polled, replaced);
    assertThat(nextPollDue)
        .as("acted on before the next scheduled pass, due %s after the last", PASS_INTERVAL)
        .isLessThan(PASS_INTERVAL.minusSeconds(2));
    JsonNode dead = cluster(serving.path("id").asText());
    assertThat(dead.path("state").asText()).isEqualTo("FAILED");
    assertThat(dead.path("stateReason").asText()).contains("INSTANCE_FAILURE", "Spot capacity");
    assertThat(dead.path("death").path("signal").asText()).isEqualTo("EVENT");
    Instant noticed = Instant.parse(dead.path("death").path("noticedAt").asText());
    assertThat(Duration.between(died, noticed)).isLessThan(Duration.ofSeconds(5));
    await("the event is deleted from the queue once acted on")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                SQS.findAll(
                        SqsStubs.requested("DeleteMessage")
                            .withRequestBody(
                                matchingJsonPath("$.ReceiptHandle", equalTo("r-spot-loss"))))
                    .size(),
            n -> n == 1);
    EMR.verify(1, requested("TerminateJobFlows"));
  }

  /**
   * Waits for the scheduler's next pass to describe the clusters (a ListClusters without a state
   * filter) and returns when it did: the next one is {@link #PASS_INTERVAL} later.
   */
  private Instant nextScheduledPass() {
    RequestPatternBuilder describe =
        requested("ListClusters").withRequestBody(not(matchingJsonPath("$.ClusterStates")));
    int before = EMR.findAll(describe).size();
    await("a scheduled pass")
        .atMost(PASS_INTERVAL.multipliedBy(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> EMR.findAll(describe).size() > before);
    return Instant.now();
  }

  /** A pool on EMR as docs/emr.md configures one; the recorded EMR accepts any. */
  private static void emrPool(Map<String, String> settings, String pool) {
    String p = "lakeops.pools." + pool + ".emr.";
    settings.put(p + "release-label", "emr-7.5.0");
    settings.put(p + "master.instance-types[0].type", "m6g.xlarge");
    settings.put(p + "master.target-on-demand", "1");
    settings.put(p + "core.instance-types[0].type", "r6g.2xlarge");
    settings.put(p + "core.target-on-demand", "1");
    settings.put(p + "core.target-spot", "2");
    settings.put(p + "subnet-ids", "subnet-0a1,subnet-0b2");
  }

  private static String job(String id, String schedule) {
    return """
        {"id": "%s", "description": "prod profile", "kind": "extraction", "pool": "small",
         "schedule": "%s",
         "retry": {"maxJobRetries": 1, "maxInfrastructureRetries": 2, "initialBackoff": "1s", "maxBackoff": "2s"},
         "extraction": {"source": "shop", "table": "orders", "keyColumns": ["id"],
                        "watermarkColumn": "updated_at", "parallelism": 2}}
        """
        .formatted(id, schedule);
  }

  private JsonNode onlyRun() throws Exception {
    JsonNode items =
        JSON.readTree(console.api("GET", "/api/runs?job=orders-prod", null).body()).path("items");
    assertThat(items.size()).as("runs of the one window").isLessThanOrEqualTo(1);
    return items.isEmpty() ? null : items.get(0);
  }

  private JsonNode readyCluster() throws Exception {
    List<JsonNode> ready = new ArrayList<>();
    JSON.readTree(console.api("GET", "/api/clusters?pool=small", null).body())
        .path("items")
        .forEach(
            c -> {
              if ("READY".equals(c.path("state").asText())) {
                ready.add(c);
              }
            });
    assertThat(ready).as("READY clusters of pool small").hasSize(1);
    return ready.get(0);
  }

  private JsonNode cluster(String id) throws Exception {
    return JSON.readTree(console.api("GET", "/api/clusters/" + id, null).body());
  }

  private static boolean finished(String state) {
    return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state);
  }

  private static String created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    return response.body();
  }

  private List<Long> sourceIds() throws Exception {
    try (Connection c = source.connect("shop")) {
      return OrdersTable.ids(c, "orders");
    }
  }

  private <T extends AutoCloseable> T closing(T resource) {
    started.add(resource);
    return resource;
  }
}
