package io.lakeops.jobs.streaming;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * foreachBatch sink of the aggregate query: the windows updated by this micro-batch, with their
 * absolute counts, go to the lake (one folder per batch id, overwritten on replay) and are upserted
 * into PostgreSQL. Both writes are idempotent, which is what makes Spark's at-least-once replay of
 * the last batch after a restart harmless.
 */
final class AggregateBatchWriter implements VoidFunction2<Dataset<Row>, Long> {
  private final String lakePath;
  private final PostgresAggregates postgres;

  AggregateBatchWriter(StreamingConfig config, PostgresAggregates postgres) {
    this.lakePath = config.lake() + "/click_aggregates";
    this.postgres = postgres;
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    Dataset<Row> rows =
        batch
            .select(
                col("window.start").as("window_start"),
                col("window.end").as("window_end"),
                col("page"),
                col("events"),
                col("page_views"),
                col("clicks"),
                col("users"),
                col("last_event_time"))
            .persist();
    try {
      rows.write().mode(SaveMode.Overwrite).parquet(lakePath + "/batch_id=" + batchId);
      rows.foreachPartition(postgres);
    } finally {
      rows.unpersist();
    }
  }
}
