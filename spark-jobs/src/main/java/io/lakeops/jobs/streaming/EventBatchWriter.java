package io.lakeops.jobs.streaming;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * foreachBatch sink of the raw-event query: valid events go to the lake as Parquet, malformed
 * records to the dead-letter path as JSON lines with their Kafka coordinates. Each micro-batch
 * writes into a folder named after its batch id with overwrite, so a batch Spark replays after a
 * restart replaces its own output instead of duplicating it.
 */
final class EventBatchWriter implements VoidFunction2<Dataset<Row>, Long> {
  private final String eventsPath;
  private final String deadLetterPath;
  private final DeadLetterCounter counter;

  EventBatchWriter(StreamingConfig config, DeadLetterCounter counter) {
    this.eventsPath = config.lake() + "/click_events";
    this.deadLetterPath = config.deadLetter();
    this.counter = counter;
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    batch.persist();
    try {
      batch
          .filter(col("valid"))
          .select(
              col("e.*"), col("partition").as("kafka_partition"), col("offset").as("kafka_offset"))
          .write()
          .mode(SaveMode.Overwrite)
          .parquet(eventsPath + "/batch_id=" + batchId);
      Dataset<Row> bad =
          batch
              .filter(not(col("valid")))
              .select("key", "value", "topic", "partition", "offset", "kafka_time");
      long count = bad.count();
      if (count > 0) {
        bad.write().mode(SaveMode.Overwrite).json(deadLetterPath + "/batch_id=" + batchId);
      }
      counter.add(count);
    } finally {
      batch.unpersist();
    }
  }
}
