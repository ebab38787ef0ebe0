package io.lakeops.ports;

import io.lakeops.domain.JobId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a streaming job last published of its progress (its progress file, see docs/spark-jobs.md).
 */
public interface StreamingProgress {

  /** The latest progress of streaming job {@code job}; empty before its first publication. */
  Optional<Report> latest(JobId job);

  /**
   * One publication: when, the dead letters, and each of the job's queries.
   *
   * @param deadLettersTotal events that could not be read, since the job's first start
   * @param deadLettersLastBatch those of the newest batch
   */
  record Report(
      Instant updatedAt, long deadLettersTotal, long deadLettersLastBatch, List<Query> queries) {}

  /**
   * One streaming query's newest batch. Figures Spark did not report are null.
   *
   * @param state STARTED, RUNNING, STOPPED or FAILED
   * @param watermark the event-time watermark, as Spark writes it
   * @param latencyMs from the newest event's time to the end of the batch that wrote it
   * @param recent the figures of the query's last batches, oldest first (empty when the job does
   *     not publish them)
   */
  record Query(
      String name,
      String state,
      Long lastBatchId,
      Instant batchAt,
      Long inputRows,
      Double inputRowsPerSecond,
      Double processedRowsPerSecond,
      Long batchDurationMs,
      String watermark,
      Long latencyMs,
      String error,
      List<Batch> recent) {
    public Query {
      recent = recent == null ? List.of() : List.copyOf(recent);
    }
  }

  /** One of a query's recent batches. Figures Spark did not report are null. */
  record Batch(
      long batchId,
      Instant at,
      Long inputRows,
      Double inputRowsPerSecond,
      Double processedRowsPerSecond,
      Long batchDurationMs,
      Long latencyMs) {}
}
