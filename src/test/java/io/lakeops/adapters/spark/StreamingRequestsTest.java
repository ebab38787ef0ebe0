package io.lakeops.adapters.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.adapters.lake.LocalLakeObjects;
import io.lakeops.adapters.lake.SchemaFingerprints;
import io.lakeops.config.SourcesConfig;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.jobs.contract.JobMainClasses;
import io.lakeops.jobs.streaming.StreamingConfig;
import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.TestConfigs;
import io.lakeops.testdata.TestJobs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The streaming job's Spark application: everything it keeps is the job's, not the run's. */
class StreamingRequestsTest {
  private static final Path LAKE = Path.of("/var/lib/lakeops/lake");
  private static final String SINK_URL = "jdbc:postgresql://pg:5432/clicks";

  private final MutableClock clock = MutableClock.at("2026-11-26T12:00:05Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  private final Job job = TestJobs.aStreamingJob().build();
  private final JobRun run =
      JobRun.scheduled(
          job.id(), Instant.parse("2026-11-26T12:00:00Z"), InputWindow.NONE, clock.instant());
  private Map<String, SourcesConfig.Source> sources =
      Map.of("aggregates", TestConfigs.source(SINK_URL, "clicks", "file:/run/secrets/pg"));
  private Optional<String> bootstrap = Optional.of("broker-1:9092,broker-2:9092");
  private Optional<String> sinkSource = Optional.of("aggregates");

  @Test
  void theArgumentsNameTheJobsOwnCheckpointProgressAndDeadLetters() {
    SubmitRequest request = requests().forAttempt(job, run, "clicks-stream~20261126t120000z-a1");

    assertThat(request.mainClass()).isEqualTo("io.lakeops.jobs.streaming.ClickStreamJob");
    assertThat(request.jar()).isEqualTo("/opt/lakeops/jobs.jar");
    assertThat(request.conf()).containsExactly(Map.entry("spark.sql.shuffle.partitions", "8"));
    assertThat(request.args())
        .containsExactly(
            "--bootstrap", "broker-1:9092,broker-2:9092",
            "--topic", "clicks",
            "--checkpoint", "s3a://ops/streaming/clicks-stream/checkpoint",
            "--lake", "/var/lib/lakeops/lake/stream=clicks-stream",
            "--dead-letter", "s3a://ops/streaming/clicks-stream/dead-letter",
            "--progress", "s3a://ops/streaming/clicks-stream/progress",
            "--jdbc-url", SINK_URL,
            "--user", "clicks",
            "--password-ref", "file:/run/secrets/pg",
            "--table", "page_clicks",
            "--window-s", "60",
            "--watermark-s", "30",
            "--trigger-ms", "1000",
            "--name", "clicks-stream");
  }

  /** The jar's own parser, not a copy of its argument names, reads what the console submits. */
  @Test
  void theJobReadsTheConsolesArgumentsAsMeant() {
    SubmitRequest request = requests().forAttempt(job, run, "a1");
    StreamingConfig config = StreamingConfig.fromArgs(request.args().toArray(String[]::new));

    assertThat(request.mainClass()).isEqualTo(JobMainClasses.STREAMING);
    assertThat(config.bootstrapServers()).isEqualTo("broker-1:9092,broker-2:9092");
    assertThat(config.checkpoint()).isEqualTo("s3a://ops/streaming/clicks-stream/checkpoint");
    assertThat(config.passwordRef()).isEqualTo("file:/run/secrets/pg");
    assertThat(config.table()).isEqualTo("page_clicks");
    assertThat(config.windowSeconds()).isEqualTo(60);
    assertThat(config.triggerMillis()).isEqualTo(1000);
    assertThat(config.name()).isEqualTo("clicks-stream");
  }

  @Test
  void everyIncarnationGetsTheSameCheckpoint() {
    JobRun later =
        JobRun.scheduled(
            job.id(), Instant.parse("2026-11-26T13:00:00Z"), InputWindow.NONE, clock.instant());

    assertThat(requests().forAttempt(job, later, "b").args())
        .isEqualTo(requests().forAttempt(job, run, "a").args());
  }

  @Test
  void withoutKafkaTheJobIsRefusedNamingTheKey() {
    bootstrap = Optional.empty();

    assertRefusedSaying("lakeops.streaming.kafka-bootstrap");
  }

  @Test
  void withoutASinkTheJobIsRefusedNamingTheKey() {
    sinkSource = Optional.empty();

    assertRefusedSaying("lakeops.streaming.sink-source");
  }

  @Test
  void aSinkSourceThatIsNotConfiguredIsRefused() {
    sources = Map.of();

    assertRefusedSaying("no source named 'aggregates'");
  }

  private void assertRefusedSaying(String why) {
    assertThatThrownBy(() -> requests().forAttempt(job, run, "a1"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining(why);
  }

  private SparkJobRequests requests() {
    return new SparkJobRequests(
        new TestConfigs.SparkJobs(
            "/opt/lakeops/jobs.jar",
            Optional.empty(),
            Map.of(),
            Map.of("spark.sql.shuffle.partitions", "8")),
        TestConfigs.sources(sources),
        new TestConfigs.Streaming(bootstrap, sinkSource, "s3a://ops/streaming/"),
        TestConfigs.lake(LAKE.toString()),
        stores.state(),
        new SchemaFingerprints(new LocalLakeObjects(LAKE)));
  }
}
