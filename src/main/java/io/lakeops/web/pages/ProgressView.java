package io.lakeops.web.pages;

import io.lakeops.ports.StreamingProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A streaming job's latest progress as the job page shows it: each query's rates, batch duration,
 * watermark and latency in words, the dead letters, and whether the figures have gone stale (the
 * job has not published for a while: stopped, or stuck).
 */
record ProgressView(
    Instant updatedAt,
    boolean stale,
    long deadLettersTotal,
    long deadLettersLastBatch,
    List<Row> queries) {
  /** No publication for this long reads as stale: a batch takes seconds, not minutes. */
  static final Duration STALE_AFTER = Duration.ofMinutes(1);

  /** One query. */
  record Row(
      String name,
      String state,
      Long lastBatchId,
      Instant batchAt,
      String inputRate,
      String processedRate,
      String batchDuration,
      String watermark,
      String latency,
      String error) {}

  static ProgressView of(StreamingProgress.Report report, Instant now) {
    boolean stale =
        report.updatedAt() == null || report.updatedAt().plus(STALE_AFTER).isBefore(now);
    return new ProgressView(
        report.updatedAt(),
        stale,
        report.deadLettersTotal(),
        report.deadLettersLastBatch(),
        report.queries().stream().map(ProgressView::row).toList());
  }

  private static Row row(StreamingProgress.Query q) {
    return new Row(
        q.name(),
        q.state(),
        q.lastBatchId(),
        q.batchAt(),
        rate(q.inputRowsPerSecond()),
        rate(q.processedRowsPerSecond()),
        millis(q.batchDurationMs()),
        q.watermark() == null ? "—" : q.watermark(),
        millis(q.latencyMs()),
        q.error());
  }

  static String rate(Double perSecond) {
    return perSecond == null ? "—" : String.format(Locale.ROOT, "%.1f rows/s", perSecond);
  }

  static String millis(Long ms) {
    if (ms == null) {
      return "—";
    }
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
