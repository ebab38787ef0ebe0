package io.lakeops.jobs.streaming;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.hll_sketch_agg;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * foreachBatch sink of the job's one query. The parsed batch is cached, so Kafka is read and the
 * JSON parsed once; then two Spark jobs: valid events to Parquet in the lake, and a small
 * aggregation per (valid, window start, page) collected to the driver — windows x pages rows, whose
 * invalid groups count the dead letters (written, as JSON lines, only when there are any). The
 * driver applies the batch's increments to PostgreSQL in one transaction with the ledger ({@link
 * PostgresAggregates}). Files go to folders named after the batch id, written with overwrite, and a
 * batch the ledger already holds is skipped whole, since its files were complete before its
 * PostgreSQL commit.
 */
final class ClickBatchWriter implements VoidFunction2<Dataset<Row>, Long> {
  /** Set by Spark on the thread that runs a query's batches: the id its checkpoint keeps. */
  private static final String QUERY_ID = "sql.streaming.queryId";

  private final String eventsPath;
  private final String deadLetterPath;
  private final long windowMillis;
  private final String queryName;
  private final transient PostgresAggregates postgres;
  private final transient DeadLetterCounter deadLetters;
  private final transient BatchEventTimes eventTimes;

  ClickBatchWriter(
      StreamingConfig config,
      PostgresAggregates postgres,
      DeadLetterCounter deadLetters,
      BatchEventTimes eventTimes) {
    this.eventsPath = config.lake() + "/click_events";
    this.deadLetterPath = config.deadLetter();
    this.windowMillis = config.windowSeconds() * 1000L;
    this.queryName = config.name();
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
    batch.persist();
    try {
      batch
          .filter(col("valid"))
          .select(
              col("e.*"), col("partition").as("kafka_partition"), col("offset").as("kafka_offset"))
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(eventsPath + "/batch_id=" + batchId);
      List<WindowCounts> windows = new ArrayList<>();
      long invalid = 0;
      Instant newest = null;
      for (Row r : aggregate(batch).collectAsList()) {
        if (!r.getBoolean(0)) {
          invalid += r.getLong(3);
          continue;
        }
        WindowCounts w = counts(r);
        windows.add(w);
        newest = newest == null || w.lastEventTime().isAfter(newest) ? w.lastEventTime() : newest;
      }
      if (invalid > 0) {
        batch
            .filter(not(col("valid")))
            .select("key", "value", "topic", "partition", "offset", "kafka_time")
            .write()
            .mode(SaveMode.Overwrite)
            .json(deadLetterPath + "/batch_id=" + batchId);
      }
      if (postgres.apply(queryId, queryName, batchId, windows)) {
        deadLetters.add(invalid);
        eventTimes.record(batchId, newest);
      }
    } finally {
      batch.unpersist();
    }
  }

  /**
   * Columns: valid, window_start, page, events, page_views, clicks, users_sketch, last_event_time.
   * The window is computed by hand: Spark's {@code window()} drops rows without an event time, and
   * the invalid groups must count every dead letter.
   */
  private Dataset<Row> aggregate(Dataset<Row> batch) {
    Column start =
        timestamp_millis(
            floor(unix_millis(col("e.event_time")).divide(windowMillis)).multiply(windowMillis));
    return batch
        .groupBy(col("valid"), start.as("window_start"), col("e.page").as("page"))
        .agg(
            count(lit(1)).as("events"),
            sum(when(col("e.event_type").equalTo("page_view"), 1L).otherwise(0L)).as("page_views"),
            sum(when(col("e.event_type").equalTo("click"), 1L).otherwise(0L)).as("clicks"),
            hll_sketch_agg(col("e.user_id"), UserSketches.LG_CONFIG_K).as("users_sketch"),
            max(col("e.event_time")).as("last_event_time"));
  }

  private WindowCounts counts(Row r) {
    Instant start = r.getTimestamp(1).toInstant();
    return new WindowCounts(
        start,
        start.plusMillis(windowMillis),
        r.getString(2),
        r.getLong(3),
        r.getLong(4),
        r.getLong(5),
        (byte[]) r.get(6),
        r.getTimestamp(7).toInstant());
  }
}
