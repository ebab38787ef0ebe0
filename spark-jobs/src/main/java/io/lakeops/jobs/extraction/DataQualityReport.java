package io.lakeops.jobs.extraction;

import java.util.List;

/**
 * The outcome of a batch's data-quality checks. A failed check with severity FAIL fails the run
 * (its batch is not published); one with WARN is only reported, so the console can show it.
 */
public record DataQualityReport(List<Check> checks) {

  /** One check: what was observed and whether it passed. */
  public record Check(String name, Severity severity, boolean passed, String observed) {}

  public boolean passed() {
    return checks.stream().allMatch(c -> c.passed() || c.severity() == Severity.WARN);
  }

  public List<String> failures() {
    return checks.stream()
        .filter(c -> !c.passed() && c.severity() == Severity.FAIL)
        .map(c -> c.name() + ": " + c.observed())
        .toList();
  }

  public static DataQualityReport evaluate(BatchStats stats, ExtractionConfig config) {
    return new DataQualityReport(
        List.of(
            new Check(
                "key_not_null",
                config.keyNotNull(),
                stats.rowsWithNullKey() == 0,
                stats.rowsWithNullKey() + " rows with a null in " + config.keyColumns()),
            new Check(
                "key_unique",
                config.keyUnique(),
                stats.duplicateKeyRows() == 0,
                stats.duplicateKeyRows() + " rows repeat a key already in the batch"),
            RowCountAnomaly.check(stats.rows(), config.recentCounts(), config.rowCountTolerance())
                .toCheck(config.rowCount())));
  }
}
