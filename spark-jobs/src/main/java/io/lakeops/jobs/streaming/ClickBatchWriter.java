package io.lakeops.jobs.streaming;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.types.DataTypes;

/**
 * foreachBatch sink of the job's one query. In the common case a micro-batch is one Spark job: its
 * records are read from Kafka and parsed once, valid events are written to Parquet in the lake, and
 * on the way through the write's filter every record is tallied by window and page ({@link
 * BatchTally}: windows x pages figures, a few dozen). Only a batch with dead letters pays a second
 * job, which writes them as JSON lines. The driver then adds the tally to PostgreSQL in one
 * transaction with the ledger ({@link PostgresAggregates}). Files go to folders named after the
 * batch id, written with overwrite, and a batch the ledger already holds is skipped whole, since
 * its files were complete before its PostgreSQL commit.
 */
final class ClickBatchWriter implements VoidFunction2<Dataset<Row>, Long> {
  /** Set by Spark on the thread that runs a query's batches: the id its checkpoint keeps. */
  private static final String QUERY_ID = "sql.streaming.queryId";

  private final String eventsPath;
  private final String deadLetterPath;
  private final long windowMillis;
  private final String queryName;
  private final transient BatchTally tally;
  private final transient Column tallied;
  private final transient PostgresAggregates postgres;
  private final transient DeadLetterCounter deadLetters;
  private final transient BatchEventTimes eventTimes;

  ClickBatchWriter(
      SparkSession spark,
      StreamingConfig config,
      PostgresAggregates postgres,
      DeadLetterCounter deadLetters,
      BatchEventTimes eventTimes) {
    this.eventsPath = config.lake() + "/click_events";
    this.deadLetterPath = config.deadLetter();
    this.windowMillis = config.windowSeconds() * 1000L;
    this.queryName = config.name();
    this.tally = new BatchTally();
    // Unnamed: a named accumulator's value would go to the UI's listener with every task.
    spark.sparkContext().register(tally);
    this.tallied = tallied(tally, windowMillis);
    this.postgres = postgres;
    this.deadLetters = deadLetters;
    this.eventTimes = eventTimes;
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) throws SQLException {
    String queryId = batch.sparkSession().sparkContext().getLocalProperty(QUERY_ID);
    if (queryId == null) {
      throw new IllegalStateException("not called by a streaming query: no " + QUERY_ID);
    }
    if (postgres.lastApplied(queryId) >= batchId) {
      System.err.println("streaming: batch " + batchId + " was applied before; skipped");
      return;
    }
    tally.reset();
    batch
        .filter(tallied)
        .select(
            col("e.*"), col("partition").as("kafka_partition"), col("offset").as("kafka_offset"))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(eventsPath + "/batch_id=" + batchId);
    if (tally.invalid() > 0) {
      batch
          .filter(not(col("valid")))
          .select("key", "value", "topic", "partition", "offset", "kafka_time")
          .write()
          .mode(SaveMode.Overwrite)
          .json(deadLetterPath + "/batch_id=" + batchId);
    }
    List<WindowCounts> windows = new ArrayList<>();
    Instant newest = null;
    for (var w : tally.windows().entrySet()) {
      WindowCounts counts = counts(w.getKey(), w.getValue());
      windows.add(counts);
      if (newest == null || counts.lastEventTime().isAfter(newest)) {
        newest = counts.lastEventTime();
      }
    }
    if (postgres.apply(queryId, queryName, batchId, windows)) {
      deadLetters.add(tally.invalid());
      eventTimes.record(batchId, newest);
    }
  }

  /**
   * The write's filter: true for valid events, each record handed to the tally on the way.
   * Nondeterministic, so the optimizer neither moves nor duplicates it.
   */
  private static Column tallied(BatchTally tally, long windowMillis) {
    UDF5<Boolean, Timestamp, String, String, String, Boolean> count =
        (valid, time, page, type, user) -> {
          if (!valid) {
            tally.add(BatchTally.Event.INVALID);
            return false;
          }
          long millis = time.getTime();
          tally.add(
              new BatchTally.Event(
                  true,
                  Math.floorDiv(millis, windowMillis) * windowMillis,
                  page,
                  type.equals("page_view"),
                  user,
                  millis));
          return true;
        };
    return udf(count, DataTypes.BooleanType)
        .asNondeterministic()
        .apply(
            col("valid"),
            col("e.event_time"),
            col("e.page"),
            col("e.event_type"),
            col("e.user_id"));
  }

  private WindowCounts counts(BatchTally.WindowKey key, WindowTally w) {
    Instant start = Instant.ofEpochMilli(key.start());
    return new WindowCounts(
        start,
        start.plusMillis(windowMillis),
        key.page(),
        w.events,
        w.pageViews,
        w.clicks,
        w.usersSketch(),
        Instant.ofEpochMilli(w.lastEventMillis));
  }
}
