package io.lakeops.jobs.streaming;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.window;

import io.lakeops.jobs.common.SecretRef;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The streaming job: Kafka click events to windowed aggregates in PostgreSQL and the lake. It runs
 * two queries over the topic, each with its own checkpoint folder: {@code events} (raw events to
 * Parquet, malformed records to the dead-letter path) and {@code aggregates} (event-time windows
 * with a watermark, upserted in update mode). Splitting them keeps the stateful aggregation's plan
 * free of side outputs; both resume from their checkpoints after a restart.
 */
public final class ClickStreamJob {
  private ClickStreamJob() {}

  public static void main(String[] args) throws Exception {
    StreamingConfig config = StreamingConfig.fromArgs(args);
    SparkSession spark =
        SparkSession.builder().appName("lakeops-streaming " + config.name()).getOrCreate();
    Running running = start(spark, config);
    Runtime.getRuntime().addShutdownHook(new Thread(running::stopQuietly));
    spark.streams().awaitAnyTermination();
    running.stopQuietly();
    spark.stop();
  }

  /** Starts both queries in an existing session; also what the tests and benchmark call. */
  public static Running start(SparkSession spark, StreamingConfig config) throws Exception {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    // In update mode a batch without data only advances the watermark and evicts state; it emits
    // nothing, yet costs a full micro-batch. Eviction then happens with the next data batch.
    spark.conf().set("spark.sql.streaming.noDataMicroBatches.enabled", "false");
    DeadLetterCounter deadLetters = new DeadLetterCounter();
    ProgressPublisher progress =
        new ProgressPublisher(
            config.progress(), spark.sparkContext().hadoopConfiguration(), deadLetters);
    spark.streams().addListener(progress);
    PostgresAggregates postgres =
        new PostgresAggregates(config.jdbcUrl(), credentials(config), config.table());
    postgres.createTable();

    Dataset<Row> parsed = ClickEvents.parse(kafka(spark, config));
    StreamingQuery events =
        parsed
            .writeStream()
            .queryName(config.name() + "-events")
            .option("checkpointLocation", config.checkpoint() + "/events")
            .trigger(Trigger.ProcessingTime(config.triggerMillis()))
            .foreachBatch(new EventBatchWriter(config, deadLetters))
            .start();

    Dataset<Row> aggregates =
        parsed
            .filter(col("valid"))
            .select("e.*")
            .withWatermark("event_time", config.watermarkSeconds() + " seconds")
            .groupBy(window(col("event_time"), config.windowSeconds() + " seconds"), col("page"))
            .agg(
                count(lit(1)).as("events"),
                sum(when(col("event_type").equalTo("page_view"), 1L).otherwise(0L))
                    .as("page_views"),
                sum(when(col("event_type").equalTo("click"), 1L).otherwise(0L)).as("clicks"),
                approx_count_distinct(col("user_id")).as("users"),
                max(col("event_time")).as("last_event_time"));
    StreamingQuery windows =
        aggregates
            .writeStream()
            .queryName(config.name() + "-aggregates")
            .outputMode("update")
            .option("checkpointLocation", config.checkpoint() + "/aggregates")
            .trigger(Trigger.ProcessingTime(config.triggerMillis()))
            .foreachBatch(new AggregateBatchWriter(config, postgres))
            .start();
    return new Running(spark, List.of(events, windows), progress, deadLetters);
  }

  private static Dataset<Row> kafka(SparkSession spark, StreamingConfig config) {
    var reader =
        spark
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", config.bootstrapServers())
            .option("subscribe", config.topic())
            .option("startingOffsets", config.startingOffsets())
            // A topic recreated or trimmed by retention should not stop the pipeline.
            .option("failOnDataLoss", "false");
    if (config.maxOffsetsPerTrigger() > 0) {
      reader = reader.option("maxOffsetsPerTrigger", config.maxOffsetsPerTrigger());
    }
    return reader.load();
  }

  private static Properties credentials(StreamingConfig config) {
    Properties props = new Properties();
    if (config.user() != null) {
      props.setProperty("user", config.user());
    }
    if (config.passwordRef() != null) {
      props.setProperty("password", SecretRef.fromSystem().resolve(config.passwordRef()));
    }
    return props;
  }

  /** The job's running queries; stopping them leaves the checkpoints ready for a restart. */
  public record Running(
      SparkSession spark,
      List<StreamingQuery> queries,
      ProgressPublisher progress,
      DeadLetterCounter deadLetters) {

    public void processAllAvailable() {
      queries.forEach(StreamingQuery::processAllAvailable);
    }

    public void stop() throws Exception {
      for (StreamingQuery q : queries) {
        q.stop();
      }
      spark.streams().removeListener(progress);
    }

    void stopQuietly() {
      try {
        stop();
      } catch (Exception e) {
        System.err.println("streaming: stop failed: " + e);
      }
    }
  }
}
