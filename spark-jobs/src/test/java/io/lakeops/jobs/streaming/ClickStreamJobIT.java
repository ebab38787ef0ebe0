package io.lakeops.jobs.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.jobs.common.JsonFiles;
import io.lakeops.jobs.generator.ClickEvent;
import io.lakeops.jobs.generator.ClickStreamSimulator;
import io.lakeops.jobs.generator.GeneratorConfig;
import io.lakeops.jobs.testing.KafkaBroker;
import io.lakeops.jobs.testing.SharedPostgres;
import io.lakeops.jobs.testing.SharedSpark;
import io.lakeops.jobs.testing.TestWork;
import io.lakeops.jobs.testing.TopicRecount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streaming job against a real Kafka broker (own JVM), PostgreSQL and Spark in local mode. A
 * fixed, seeded stream with a few malformed records in the middle is read without interruption on
 * one topic, and on another stopped mid-stream, restarted from its checkpoint and then made to
 * replay a batch whose PostgreSQL commit had already happened. Every run must end with exactly the
 * aggregates a separate reader ({@link TopicRecount}: a plain Kafka consumer) computes from the
 * whole topic, and the lake with exactly the topic's valid events. Assertions are on final states
 * and on the offsets a restarted query resumed from, never on micro-batch boundaries, which depend
 * on timing.
 */
class ClickStreamJobIT {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final String TOPIC = "clicks-it";
  private static final String REPLAY_TOPIC = "clicks-it-replay";
  private static final int WINDOW_SECONDS = 10;

  /** Three standard errors of the HLL sketches' estimate (lgConfigK 12). */
  private static final double USERS_TOLERANCE = 0.05;

  private static final List<String> MALFORMED =
      List.of(
          "not json at all",
          "{\"event_id\":\"m2\",\"user_id\":\"u1\"}",
          "{\"event_id\":\"m3\",\"user_id\":\"u1\",\"session_id\":\"s\",\"event_type\":\"scroll\","
              + "\"page\":\"/home\",\"event_time\":\"2024-01-01T00:00:10Z\"}",
          "{\"event_id\":\"m4\",\"user_id\":\"u1\",\"session_id\":\"s\",\"event_type\":\"click\","
              + "\"page\":\"/home\",\"event_time\":\"yesterday\"}");
  private static SparkSession spark;
  private static List<ClickEvent> events;
  private static StreamingConfig uninterruptedConfig;
  private static ClickStreamJob.Running uninterrupted;
  private static boolean activeAfterMalformed;

  @BeforeAll
  static void produceStream() throws Exception {
    spark = SharedSpark.get();
    KafkaBroker.createTopic(TOPIC, 2);
    KafkaBroker.createTopic(REPLAY_TOPIC, 2);
    GeneratorConfig config =
        GeneratorConfig.of(KafkaBroker.bootstrapServers(), TOPIC)
            .withRate(100, Duration.ofSeconds(60))
            .withSeed(11, START);
    events = new ArrayList<>();
    new ClickStreamSimulator(config, START).forEachRemaining(events::add);
    produce(TOPIC, 0, events.size());
    // The reference run: the whole stream without interruption.
    uninterruptedConfig = config("agg_full", TOPIC, 0);
    uninterrupted = ClickStreamJob.start(spark, uninterruptedConfig);
    uninterrupted.processAllAvailable();
    activeAfterMalformed =
        uninterrupted.query().isActive() && uninterrupted.query().exception().isEmpty();
    uninterrupted.stop();
  }

  @Test
  void uninterruptedRunEndsWithTheAggregatesRecomputedFromTheTopic() throws Exception {
    TopicRecount topic = TopicRecount.of(TOPIC, WINDOW_SECONDS);
    assertThat(topic.valid).isEqualTo(events.size());
    assertThat(topic.invalid).isEqualTo(MALFORMED.size());
    assertThat(differences(topic, "agg_full")).isEmpty();
    assertLakeHoldsTheValidEvents(uninterruptedConfig, topic);
  }

  @Test
  void restartAndReplayOfAnAppliedBatchEndWithTheAggregatesRecomputedFromTheTopic()
      throws Exception {
    // Batches of 500 records: the first run stops after two of the first half's six or so.
    StreamingConfig config = config("agg_replay", REPLAY_TOPIC, 500);
    produce(REPLAY_TOPIC, 0, events.size() / 2);
    // Stopped once batch 1 is done, perhaps within the next: Spark re-runs that one on restart.
    ClickStreamJob.Running first = ClickStreamJob.start(spark, config);
    awaitBatches(first, 1);
    first.stop();
    ClickStreamJob.Running second = ClickStreamJob.start(spark, config);
    second.processAllAvailable();
    second.stop();
    // The end state alone cannot tell a resumed query from one that read the topic again from
    // offset 0 (the ledger would turn the re-read batches away): it must begin where the first
    // run's last completed batch ended and read only what that run had not.
    Map<String, Long> stoppedAt = endOffsets(first.query().lastProgress());
    assertThat(sum(stoppedAt)).as("records the first run read").isPositive();
    assertThat(startOffsets(second.query().recentProgress()[0]))
        .as("the restarted query starts from its checkpoint")
        .isEqualTo(stoppedAt);
    assertThat(rowsRead(second.query())).isEqualTo(events.size() / 2 - sum(stoppedAt));
    // A crash after the last batch's PostgreSQL commit and before its checkpoint commit: without
    // the commit file Spark re-runs the batch from the same offsets (its offset log entry).
    long last = lastCommitted(config);
    StreamingQueryProgress applied =
        Arrays.stream(second.query().recentProgress())
            .filter(p -> p.batchId() == last && p.numInputRows() > 0)
            .findFirst()
            .orElseThrow();
    Path commit = Path.of(config.checkpoint(), "clicks", "commits", Long.toString(last));
    Files.delete(commit);
    Files.deleteIfExists(commit.resolveSibling("." + last + ".crc"));
    produce(REPLAY_TOPIC, events.size() / 2, events.size());

    ClickStreamJob.Running third = ClickStreamJob.start(spark, config);
    third.processAllAvailable();
    third.stop();
    StreamingQueryProgress replayed = third.query().recentProgress()[0];
    assertThat(replayed.batchId()).as("the batch re-run").isEqualTo(applied.batchId());
    assertThat(startOffsets(replayed)).isEqualTo(startOffsets(applied));
    assertThat(endOffsets(replayed)).isEqualTo(endOffsets(applied));
    assertThat(lastCommitted(config)).isGreaterThan(applied.batchId());

    TopicRecount topic = TopicRecount.of(REPLAY_TOPIC, WINDOW_SECONDS);
    assertThat(topic.valid).isEqualTo(events.size());
    assertThat(differences(topic, "agg_replay")).isEmpty();
    assertLakeHoldsTheValidEvents(config, topic);
    assertThat(ledgerBatch("agg_replay")).isEqualTo(lastCommitted(config));
  }

  @Test
  void malformedRecordsLandInTheDeadLetterOutputAreCountedAndTheQueryKeepsRunning()
      throws Exception {
    assertThat(activeAfterMalformed).isTrue();
    assertThat(uninterrupted.deadLetters().total()).isEqualTo(MALFORMED.size());
    List<String> values =
        spark
            .read()
            .json(uninterruptedConfig.deadLetter())
            .select("value")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(values).containsExactlyInAnyOrderElementsOf(MALFORMED);
    // Valid events after the malformed ones were still counted.
    assertThat(totalEvents("agg_full")).isEqualTo(events.size());
    assertThat(ledgerBatch("agg_full")).isEqualTo(lastCommitted(uninterruptedConfig));

    JsonNode progress =
        JsonFiles.MAPPER.readTree(
            Path.of(uninterruptedConfig.progress(), "progress.json").toFile());
    assertThat(progress.path("deadLetters").path("total").asLong()).isEqualTo(MALFORMED.size());
    assertThat(progress.path("queries").size()).as("one query").isEqualTo(1);
    JsonNode aggregates = progress.path("queries").path("full");
    assertThat(aggregates.path("lastBatchId").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(aggregates.has("processedRowsPerSecond")).isTrue();
    assertThat(aggregates.has("batchDurationMs")).isTrue();
    assertThat(aggregates.has("latencyMs")).isTrue();
    // The recent batches end with the newest one, in batch order.
    JsonNode recent = aggregates.path("recent");
    assertThat(recent.isArray() && recent.size() > 0).isTrue();
    assertThat(recent.get(recent.size() - 1).path("lastBatchId").asLong())
        .isEqualTo(aggregates.path("lastBatchId").asLong());
    for (int i = 1; i < recent.size(); i++) {
      assertThat(recent.get(i).path("lastBatchId").asLong())
          .isGreaterThan(recent.get(i - 1).path("lastBatchId").asLong());
    }
  }

  /** Sends the generated events {@code from} to {@code to}, the malformed ones at the middle. */
  private static void produce(String topic, int from, int to) throws Exception {
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = from; i < to; i++) {
        ClickEvent e = events.get(i);
        producer.send(new ProducerRecord<>(topic, e.userId(), e.toJson()));
        if (i == events.size() / 2) {
          MALFORMED.forEach(m -> producer.send(new ProducerRecord<>(topic, "bad", m)));
        }
      }
    }
  }

  private static StreamingConfig config(String table, String topic, long maxOffsets)
      throws Exception {
    Path work = TestWork.dir(table);
    return new StreamingConfig(
        KafkaBroker.bootstrapServers(),
        topic,
        "earliest",
        maxOffsets,
        work.resolve("checkpoint").toString(),
        work.resolve("lake").toString(),
        work.resolve("dead-letter").toString(),
        work.resolve("progress").toString(),
        SharedPostgres.jdbcUrl(),
        null,
        null,
        table,
        WINDOW_SECONDS,
        30,
        200,
        table.replace("agg_", "").replace('_', '-'),
        2);
  }

  private static List<String> differences(TopicRecount topic, String table) throws Exception {
    try (Connection c = SharedPostgres.connect()) {
      return topic.differences(TopicRecount.postgres(c, table), USERS_TOLERANCE);
    }
  }

  /** The lake, read back by a Spark batch read, holds each valid event of the topic once. */
  private static void assertLakeHoldsTheValidEvents(StreamingConfig config, TopicRecount topic) {
    var lake = spark.read().parquet(config.lake() + "/click_events");
    assertThat(lake.count()).isEqualTo(topic.valid);
    assertThat(lake.select("event_id").distinct().count()).isEqualTo(topic.valid);
  }

  /** The newest batch id in the checkpoint's commit log. */
  private static long lastCommitted(StreamingConfig config) throws Exception {
    try (var files = Files.list(Path.of(config.checkpoint(), "clicks", "commits"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("[0-9]+"))
          .mapToLong(Long::parseLong)
          .max()
          .orElseThrow();
    }
  }

  private static long ledgerBatch(String table) throws Exception {
    try (Connection c = SharedPostgres.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT batch_id FROM " + table + "_batches")) {
      assertThat(rs.next()).as("a ledger row").isTrue();
      long batch = rs.getLong(1);
      assertThat(rs.next()).as("one query, one ledger row").isFalse();
      return batch;
    }
  }

  /** Waits until the job's query has processed {@code batches} batches with rows. */
  private static void awaitBatches(ClickStreamJob.Running running, long batches) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (hasProcessed(running.query(), batches)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no progress within 120 s");
  }

  private static boolean hasProcessed(StreamingQuery query, long batches) {
    StreamingQueryProgress last = query.lastProgress();
    return last != null && last.batchId() >= batches && last.numInputRows() > 0;
  }

  /** Rows the query read over its whole run (progress is complete once the query stopped). */
  private static long rowsRead(StreamingQuery query) {
    return Arrays.stream(query.recentProgress())
        .mapToLong(StreamingQueryProgress::numInputRows)
        .sum();
  }

  private static Map<String, Long> startOffsets(StreamingQueryProgress progress) throws Exception {
    return kafkaOffsets(progress.sources()[0].startOffset());
  }

  private static Map<String, Long> endOffsets(StreamingQueryProgress progress) throws Exception {
    return kafkaOffsets(progress.sources()[0].endOffset());
  }

  /**
   * The Kafka source's offsets JSON, {@code {"topic":{"0":42,"1":40}}}, as "topic/partition" to
   * offset; none for the null a query's very first batch starts from.
   */
  private static Map<String, Long> kafkaOffsets(String json) throws Exception {
    Map<String, Long> offsets = new TreeMap<>();
    if (json == null) {
      return offsets;
    }
    Map<String, Map<String, Long>> byTopic =
        JsonFiles.MAPPER.readValue(json, new TypeReference<Map<String, Map<String, Long>>>() {});
    byTopic.forEach(
        (topic, byPartition) ->
            byPartition.forEach(
                (partition, offset) -> offsets.put(topic + "/" + partition, offset)));
    return offsets;
  }

  private static long sum(Map<String, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long totalEvents(String table) throws Exception {
    try (Connection c = SharedPostgres.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(events), 0) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static KafkaProducer<String, String> producer() throws Exception {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
  }
}
