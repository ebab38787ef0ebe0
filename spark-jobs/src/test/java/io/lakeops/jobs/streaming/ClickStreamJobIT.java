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
 * The streaming job against a real Kafka broker (own JVM), PostgreSQL and Spark in local mode. One
 * fixed, seeded stream with a few malformed records in the middle is read twice: once without
 * interruption and once stopped mid-stream and restarted from its checkpoint. Assertions are on the
 * final state and on the offsets a restarted query resumed from, never on micro-batch boundaries,
 * which depend on timing.
 */
class ClickStreamJobIT {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final String TOPIC = "clicks-it";
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
    GeneratorConfig config =
        GeneratorConfig.of(KafkaBroker.bootstrapServers(), TOPIC)
            .withRate(100, Duration.ofSeconds(60))
            .withSeed(11, START);
    events = new ArrayList<>();
    new ClickStreamSimulator(config, START).forEachRemaining(events::add);
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < events.size(); i++) {
        ClickEvent e = events.get(i);
        producer.send(new ProducerRecord<>(TOPIC, e.userId(), e.toJson()));
        if (i == events.size() / 2) {
          MALFORMED.forEach(m -> producer.send(new ProducerRecord<>(TOPIC, "bad", m)));
        }
      }
    }
    // The reference run: the whole stream without interruption.
    uninterruptedConfig = config("agg_full", 0);
    uninterrupted = ClickStreamJob.start(spark, uninterruptedConfig);
    uninterrupted.processAllAvailable();
    activeAfterMalformed =
        uninterrupted.queries().stream().allMatch(q -> q.isActive() && q.exception().isEmpty());
    uninterrupted.stop();
  }

  @Test
  void uninterruptedRunUpsertsExactlyTheAggregatesOfTheGeneratedEvents() throws Exception {
    assertThat(aggregates("agg_full", false)).isEqualTo(expectedAggregates());
    var lake = spark.read().parquet(uninterruptedConfig.lake() + "/click_events");
    assertThat(lake.count()).isEqualTo(events.size());
    long lakeAggregates =
        spark.read().parquet(uninterruptedConfig.lake() + "/click_aggregates").count();
    assertThat(lakeAggregates).isGreaterThanOrEqualTo(expectedAggregates().size());
  }

  @Test
  void restartFromCheckpointEndsWithTheSameAggregatesAsAnUninterruptedRun() throws Exception {
    StreamingConfig restarted = config("agg_restart", 1000);
    ClickStreamJob.Running first = ClickStreamJob.start(spark, restarted);
    awaitBatches(first, 1);
    first.stop();
    assertThat(totalEvents("agg_restart")).isLessThan(events.size());
    ClickStreamJob.Running second = ClickStreamJob.start(spark, restarted);
    second.processAllAvailable();
    second.stop();

    assertThat(aggregates("agg_restart", true)).isEqualTo(aggregates("agg_full", true));
    // Replayed micro-batches overwrite their own Parquet folder: no event lands twice.
    var lake = spark.read().parquet(restarted.lake() + "/click_events");
    assertThat(lake.count()).isEqualTo(events.size());
    assertThat(lake.select("event_id").distinct().count()).isEqualTo(events.size());
    // The end state alone cannot tell a resumed query from one that read the topic again from
    // offset 0: replays overwrite their batch folders and upserts carry absolute counts. So each
    // query must have begun where the first run stopped and read only what that run had not.
    for (int q = 0; q < first.queries().size(); q++) {
      Map<String, Long> stoppedAt = endOffsets(first.queries().get(q).lastProgress());
      StreamingQuery resumed = second.queries().get(q);
      assertThat(sum(stoppedAt)).as("records the first run read").isPositive();
      assertThat(startOffsets(resumed.recentProgress()[0]))
          .as(resumed.name() + " starts from its checkpoint")
          .isEqualTo(stoppedAt);
      assertThat(rowsRead(resumed))
          .as(resumed.name() + " reads only what the first run had not")
          .isEqualTo(recordsInTopic() - sum(stoppedAt));
    }
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

    JsonNode progress =
        JsonFiles.MAPPER.readTree(
            Path.of(uninterruptedConfig.progress(), "progress.json").toFile());
    assertThat(progress.path("deadLetters").path("total").asLong()).isEqualTo(MALFORMED.size());
    JsonNode aggregates = progress.path("queries").path("full-aggregates");
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

  private static StreamingConfig config(String table, long maxOffsets) throws Exception {
    Path work = TestWork.dir(table);
    return new StreamingConfig(
        KafkaBroker.bootstrapServers(),
        TOPIC,
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
        10,
        30,
        200,
        table.replace("agg_", "").replace('_', '-'));
  }

  /** Waits until every query of the job has processed {@code batches} batches with rows. */
  private static void awaitBatches(ClickStreamJob.Running running, long batches) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (running.queries().stream().allMatch(q -> hasProcessed(q, batches))) {
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

  /** Every record produced to the topic, malformed ones included: the queries read them all. */
  private static long recordsInTopic() {
    return events.size() + MALFORMED.size();
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

  /** events, page_views, clicks per "window_start|page", computed from the generated events. */
  private static Map<String, List<Long>> expectedAggregates() {
    Map<String, long[]> acc = new TreeMap<>();
    for (ClickEvent e : events) {
      long windowStart = e.eventTime().getEpochSecond() / 10 * 10;
      long[] v =
          acc.computeIfAbsent(
              Instant.ofEpochSecond(windowStart) + "|" + e.page(), k -> new long[3]);
      v[0]++;
      v[e.eventType().equals(ClickEvent.PAGE_VIEW) ? 1 : 2]++;
    }
    Map<String, List<Long>> out = new TreeMap<>();
    acc.forEach((k, v) -> out.put(k, List.of(v[0], v[1], v[2])));
    return out;
  }

  private static Map<String, List<Long>> aggregates(String table, boolean withUsers)
      throws Exception {
    Map<String, List<Long>> out = new TreeMap<>();
    try (Connection c = SharedPostgres.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT window_start, page, events, page_views, clicks, users FROM " + table)) {
      while (rs.next()) {
        String key =
            rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + "|" + rs.getString(2);
        List<Long> values = new ArrayList<>(List.of(rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        if (withUsers) {
          values.add(rs.getLong(6));
        }
        out.put(key, values);
      }
    }
    return out;
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
