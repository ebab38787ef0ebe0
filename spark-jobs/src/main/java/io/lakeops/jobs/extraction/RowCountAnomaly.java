package io.lakeops.jobs.extraction;

import java.util.List;

/**
 * Flags a batch whose row count strays from the mean of recent runs by more than a relative
 * tolerance. Relative rather than standard-deviation based because a few minutes' windows of a
 * steady table give near-identical counts, where a tiny deviation would otherwise look huge. With
 * fewer than {@link #MIN_HISTORY} recent counts there is no baseline yet and the check passes.
 */
public record RowCountAnomaly(long rows, double recentMean, double deviation, boolean anomalous) {
  static final int MIN_HISTORY = 3;

  public static RowCountAnomaly check(long rows, List<Long> recent, double tolerance) {
    if (recent.size() < MIN_HISTORY) {
      return new RowCountAnomaly(rows, Double.NaN, 0, false);
    }
    double mean = recent.stream().mapToLong(Long::longValue).average().orElse(0);
    // max(mean, 1) keeps a table that had empty windows from dividing by zero.
    double deviation = Math.abs(rows - mean) / Math.max(mean, 1);
    return new RowCountAnomaly(rows, mean, deviation, deviation > tolerance);
  }

  DataQualityReport.Check toCheck(Severity severity) {
    String observed =
        Double.isNaN(recentMean)
            ? rows + " rows; fewer than " + MIN_HISTORY + " recent counts, no baseline"
            : String.format(
                "%d rows vs recent mean %.1f (deviation %.0f%%)",
                rows, recentMean, deviation * 100);
    return new DataQualityReport.Check("row_count_anomaly", severity, !anomalous, observed);
  }
}
