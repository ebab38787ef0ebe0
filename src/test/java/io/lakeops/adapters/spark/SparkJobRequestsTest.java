package io.lakeops.adapters.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.adapters.lake.LocalLakeObjects;
import io.lakeops.adapters.lake.SchemaFingerprints;
import io.lakeops.config.SourcesConfig;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.jobs.contract.JobMainClasses;
import io.lakeops.jobs.extraction.ExtractionConfig;
import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.TestConfigs;
import io.lakeops.testdata.TestJobs;
import io.lakeops.testdata.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extraction's Spark application, argument by argument, as docs/spark-jobs.md lists them. */
class SparkJobRequestsTest {
  private static final String SHOP_URL = "jdbc:mysql://shop-db:3306/shop";

  @TempDir Path lake;
  private final MutableClock clock = MutableClock.at("2026-11-26T12:00:05Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  private Map<String, SourcesConfig.Source> sources =
      Map.of("shop", TestConfigs.source(SHOP_URL, "extract", "env:SHOP_DB_PASSWORD"));

  @Test
  void aFirstTimestampWindowIsAFullLoadFromTheSmallestDatetime() {
    Job job = TestJobs.anExtractionJob().build();
    JobRun run = TestRuns.aRun().window("", "2026-11-26T12:00:00Z").build();

    SubmitRequest request = requests().forAttempt(job, run, "orders-extract~20261126t120000z-a1");

    assertThat(request.name()).isEqualTo("orders-extract~20261126t120000z-a1");
    assertThat(request.jar()).isEqualTo("/opt/lakeops/jobs.jar");
    assertThat(request.mainClass()).isEqualTo("io.lakeops.jobs.extraction.ExtractionJob");
    assertThat(request.conf()).containsExactly(Map.entry("spark.executor.memory", "2g"));
    assertThat(request.args())
        .containsExactly(
            "--jdbc-url", SHOP_URL,
            "--user", "extract",
            "--password-ref", "env:SHOP_DB_PASSWORD",
            "--table", "orders",
            "--key", "id",
            "--watermark-column", "updated_at",
            "--watermark-kind", "timestamp",
            "--run-id", "orders-extract~20261126t120000z",
            "--attempt", "1",
            "--window-low", "1000-01-01T00:00:00Z",
            "--window-high", "2026-11-26T12:00:00Z",
            "--output", lake.toString(),
            "--parallelism", "4",
            "--fetch-size", "1000",
            "--severity-key-not-null", "fail",
            "--severity-key-unique", "fail",
            "--severity-row-count", "warn",
            "--row-count-tolerance", "3.0");
  }

  /** The jar's own parser, not a copy of its argument names, reads what the console submits. */
  @Test
  void theJobReadsTheConsolesArgumentsAsMeant() throws IOException {
    Job job = TestJobs.anExtractionJob().build();
    JobRun earlier = TestRuns.aRun().window("", "2026-11-26T11:00:00Z").build();
    succeeded(earlier, 40);
    JobRun run = TestRuns.aRun().window("2026-11-26T11:00:00Z", "2026-11-26T12:00:00Z").build();

    SubmitRequest request = requests().forAttempt(job, run, "a1");
    ExtractionConfig config = ExtractionConfig.fromArgs(request.args().toArray(String[]::new));

    assertThat(request.mainClass()).isEqualTo(JobMainClasses.EXTRACTION);
    assertThat(config.jdbcUrl()).isEqualTo(SHOP_URL);
    assertThat(config.passwordRef()).isEqualTo("env:SHOP_DB_PASSWORD");
    assertThat(config.table()).isEqualTo("orders");
    assertThat(config.keyColumns()).containsExactly("id");
    assertThat(config.runId()).isEqualTo(run.id().value());
    assertThat(config.attempt()).isEqualTo(run.attempt());
    assertThat(config.watermark().low()).isEqualTo("2026-11-26T11:00:00Z");
    assertThat(config.watermark().high()).isEqualTo("2026-11-26T12:00:00Z");
    assertThat(config.outputBase()).isEqualTo(lake.toString());
    assertThat(config.recentCounts()).containsExactly(40L);
    assertThat(config.rowCountTolerance()).isEqualTo(3.0);
  }

  @Test
  void aLaterWindowCarriesTheLastSchemaAndTheRowCountsOfRecentSuccesses() throws IOException {
    Job job = TestJobs.anExtractionJob().build();
    for (int i = 0; i < 6; i++) { // 11:25 … 11:50, read 100 … 105 rows
      succeeded(
          TestRuns.aRun().at("2026-11-26T11:%02d:00Z".formatted(25 + 5 * i)).build(), 100 + i);
    }
    failed(TestRuns.aRun().at("2026-11-26T11:55:00Z").build());
    manifest("orders-extract~20261126t114500z", "{\"hash\":\"h-old\",\"columns\":[]}");
    String latest =
        "{\"hash\":\"h1\",\"columns\":[{\"name\":\"id\",\"type\":\"bigint\",\"nullable\":false}]}";
    manifest("orders-extract~20261126t115000z", latest);
    JobRun run = TestRuns.aRun().build(); // [11:55, 12:00)

    List<String> args = requests().forAttempt(job, run, "a1").args();

    assertThat(args)
        .containsSubsequence("--window-low", "2026-11-26T11:55:00Z")
        .containsSubsequence("--window-high", "2026-11-26T12:00:00Z")
        .endsWith("--last-schema", latest, "--recent-counts", "105,104,103,102,101");
  }

  @Test
  void theLastSchemaComesFromTheNewestSuccessThatHasAManifest() throws IOException {
    Job job = TestJobs.anExtractionJob().build();
    succeeded(TestRuns.aRun().at("2026-11-26T11:50:00Z").build(), 7);
    succeeded(TestRuns.aRun().at("2026-11-26T11:55:00Z").build(), 8); // its manifest is gone
    manifest("orders-extract~20261126t115000z", "{\"hash\":\"h1\"}");

    List<String> args = requests().forAttempt(job, TestRuns.aRun().build(), "a1").args();

    assertThat(args).endsWith("--last-schema", "{\"hash\":\"h1\"}", "--recent-counts", "8,7");
  }

  @Test
  void idWindowsPassTheirFixedHighAndAFirstOneStartsAtTheSmallestId() {
    Job job = TestJobs.anExtractionJob().idWatermark().build();

    List<String> first = requests().forAttempt(job, idRun("", "42"), "a1").args();
    List<String> later = requests().forAttempt(job, idRun("42", "151"), "a1").args();

    assertThat(first)
        .containsSubsequence("--watermark-kind", "id")
        .containsSubsequence("--window-low", "-9223372036854775808", "--window-high", "42");
    assertThat(later).containsSubsequence("--window-low", "42", "--window-high", "151");
  }

  @Test
  void anIdWindowWhoseHighIsStillOpenIsRefused() {
    Job job = TestJobs.anExtractionJob().idWatermark().build();

    assertThatThrownBy(() -> requests().forAttempt(job, idRun("42", ""), "a1"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("no fixed window high");
  }

  @Test
  void anUnknownSourceIsRefusedNamingIt() {
    sources = Map.of();

    assertThatThrownBy(
            () ->
                requests()
                    .forAttempt(TestJobs.anExtractionJob().build(), TestRuns.aRun().build(), "a1"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("no source named 'shop'")
        .hasMessageContaining("lakeops.sources");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3cret!", "secretsmanager:s3cret pw"})
  void aLiteralPasswordOrAMalformedReferenceIsRefusedAndNotRepeated(String passwordRef) {
    sources = Map.of("shop", TestConfigs.source(SHOP_URL, "extract", passwordRef));

    assertThatThrownBy(
            () ->
                requests()
                    .forAttempt(TestJobs.anExtractionJob().build(), TestRuns.aRun().build(), "a1"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("lakeops.sources.shop.password-ref")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aSecretsManagerReferenceGoesToTheDriverAsWrittenAndUnresolved() {
    String ref = "secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-AbC#pw";
    sources = Map.of("shop", TestConfigs.source(SHOP_URL, "extract", ref));

    List<String> args =
        requests()
            .forAttempt(TestJobs.anExtractionJob().build(), TestRuns.aRun().build(), "a1")
            .args();

    assertThat(args).containsSubsequence("--password-ref", ref);
    assertThat(args.indexOf(ref)).isEqualTo(args.indexOf("--password-ref") + 1);
  }

  @Test
  void aTableNameThatIsNotAnIdentifierNeverReachesTheArguments() {
    // Written into the store by another writer, so it never met the definition validator.
    Job hostile = TestJobs.anExtractionJob().table("orders; DROP TABLE orders").build();

    assertThatThrownBy(() -> requests().forAttempt(hostile, TestRuns.aRun().build(), "a1"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("not a plain SQL identifier");
  }

  @Test
  void theLakeAsTheClusterSeesItAndAPlainJarPathMadeAbsolute() {
    var jobs =
        new TestConfigs.SparkJobs(
            "target/local-cluster/jobs/lakeops-spark-jobs-job.jar",
            Optional.of("s3a://lake-bucket/lake/"),
            Map.of(),
            Map.of());

    SubmitRequest request =
        requests(jobs)
            .forAttempt(TestJobs.anExtractionJob().build(), TestRuns.aRun().build(), "a1");

    assertThat(request.jar())
        .isEqualTo(
            Path.of("target/local-cluster/jobs/lakeops-spark-jobs-job.jar")
                .toAbsolutePath()
                .toString());
    assertThat(request.args()).containsSubsequence("--output", "s3a://lake-bucket/lake");
  }

  private SparkJobRequests requests() {
    return requests(
        new TestConfigs.SparkJobs(
            "/opt/lakeops/jobs.jar",
            Optional.empty(),
            Map.of("spark.executor.memory", "2g"),
            Map.of()));
  }

  @Test
  void anS3LakeIsGivenToTheJobAsAnS3UriWithItsDoubleSlash() {
    var jobs =
        new TestConfigs.SparkJobs(
            "s3://ops/jobs/lakeops.jar", Optional.empty(), Map.of(), Map.of());

    SubmitRequest request =
        requests(jobs, "s3://lake-bucket/lake/")
            .forAttempt(TestJobs.anExtractionJob().build(), TestRuns.aRun().build(), "a1");

    assertThat(request.jar()).isEqualTo("s3://ops/jobs/lakeops.jar");
    assertThat(request.args()).containsSubsequence("--output", "s3://lake-bucket/lake");
  }

  @Test
  void anS3LakeWithoutABucketIsRefusedNamingIt() {
    var jobs =
        new TestConfigs.SparkJobs("/opt/lakeops/jobs.jar", Optional.empty(), Map.of(), Map.of());

    assertThatThrownBy(() -> requests(jobs, "s3:/lake-bucket/lake"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'s3:/lake-bucket/lake' is not an S3 location");
  }

  private SparkJobRequests requests(TestConfigs.SparkJobs jobs) {
    return requests(jobs, lake.toString());
  }

  private SparkJobRequests requests(TestConfigs.SparkJobs jobs, String lakeBase) {
    return new SparkJobRequests(
        jobs,
        TestConfigs.sources(sources),
        new TestConfigs.Streaming(Optional.empty(), Optional.empty(), "streaming"),
        TestConfigs.lake(lakeBase),
        stores.state(),
        new SchemaFingerprints(new LocalLakeObjects(lake)));
  }

  private static JobRun idRun(String low, String high) {
    return TestRuns.aRun().window(low, high).build();
  }

  private void succeeded(JobRun run, long rows) {
    JobRun stored = stores.state().createRunIfAbsent(run).value();
    JobRun submitted =
        stores.state().updateRun(stored.submitted(new ClusterId("small-1"), "b1", clock.instant()));
    stores
        .state()
        .updateRun(submitted.succeeded(new RunResult(rows, rows, "", "{}", ""), clock.instant()));
  }

  private void failed(JobRun run) {
    JobRun stored = stores.state().createRunIfAbsent(run).value();
    stores
        .state()
        .updateRun(stored.failed(RunState.FAILED, FailureKind.JOB, "key check", clock.instant()));
  }

  private void manifest(String runId, String fingerprint) throws IOException {
    Path dir = Files.createDirectories(lake.resolve("table=orders").resolve("_manifests"));
    Files.writeString(
        dir.resolve("batch=" + runId + ".json"),
        "{\"runId\":\""
            + runId
            + "\",\"status\":\"SUCCEEDED\",\"schemaFingerprint\":"
            + fingerprint
            + "}");
  }
}
