package io.lakeops.jobs.streaming;

import io.lakeops.jobs.common.SecretRef;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The streaming job: Kafka click events to the lake and to windowed aggregates in PostgreSQL, in
 * one query with one checkpoint ({@code <checkpoint>/clicks}), so each micro-batch reads the topic
 * once. Its foreachBatch sink ({@link ClickBatchWriter}) writes the raw events and dead letters,
 * tallies the batch alone (no streaming state store: a batch's windows x pages are a few dozen
 * rows) and adds the result to PostgreSQL in one transaction with a ledger of applied batch ids
 * ({@link PostgresAggregates}). Exactly once: Spark re-runs a batch only when its checkpoint commit
 * is missing, re-reading the same offsets; its files are overwritten in place and the ledger turns
 * away its second PostgreSQL commit. The earlier design ran two queries (raw events; a stateful
 * aggregation upserting absolute counts): the topic was read twice and each trigger paid five to
 * six Spark jobs and a state store commit, 2-7 s on 2 cores, where this pays one (two when the
 * batch has dead letters): the aggregates are tallied during the lake write. Without state there is
 * no watermark: a late event is added to its window whenever it arrives.
 */
public final class ClickStreamJob {
  private ClickStreamJob() {}

  public static void main(String[] args) throws Exception {
    StreamingConfig config = StreamingConfig.fromArgs(args);
    // The job owns this session: no UI for a pipeline whose figures are in progress.json, unless
    // the submitter asked for one.
    SparkConf conf = new SparkConf().setIfMissing("spark.ui.enabled", "false");
    SparkSession spark =
        SparkSession.builder()
            .config(conf)
            .appName("lakeops-streaming " + config.name())
            .getOrCreate();
    Running running = start(spark, config);
    Runtime.getRuntime().addShutdownHook(new Thread(running::stopQuietly));
    spark.streams().awaitAnyTermination();
    running.stopQuietly();
    spark.stop();
  }

  /** Starts the query in an existing session; also what the tests and benchmark call. */
  public static Running start(SparkSession spark, StreamingConfig config) throws Exception {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    // A batch without data would write nothing, yet cost a trigger's fixed work.
    spark.conf().set("spark.sql.streaming.noDataMicroBatches.enabled", "false");
    // The one shuffle of a batch carries its partial aggregates only; Spark's 200 would be 200
    // tasks.
    spark.conf().set("spark.sql.shuffle.partitions", config.shufflePartitions());
    DeadLetterCounter deadLetters = new DeadLetterCounter();
    BatchEventTimes eventTimes = new BatchEventTimes();
    PostgresAggregates postgres =
        new PostgresAggregates(config.jdbcUrl(), credentials(config), config.table());
    postgres.createTables();
    ProgressPublisher progress =
        new ProgressPublisher(
            config.progress(), spark.sparkContext().hadoopConfiguration(), deadLetters, eventTimes);
    spark.streams().addListener(progress);
    StreamingQuery query =
        ClickEvents.parse(kafka(spark, config))
            .writeStream()
            .queryName(config.name())
            .option("checkpointLocation", config.checkpoint() + "/clicks")
            .trigger(Trigger.ProcessingTime(config.triggerMillis()))
            .foreachBatch(new ClickBatchWriter(spark, config, postgres, deadLetters, eventTimes))
            .start();
    return new Running(spark, query, progress, deadLetters, postgres);
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

  /** The job's running query; stopping it leaves the checkpoint ready for a restart. */
  public record Running(
      SparkSession spark,
      StreamingQuery query,
      ProgressPublisher progress,
      DeadLetterCounter deadLetters,
      PostgresAggregates postgres) {

    public void processAllAvailable() {
      query.processAllAvailable();
    }

    public void stop() throws Exception {
      try {
        query.stop();
      } finally {
        spark.streams().removeListener(progress);
        postgres.close();
      }
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
