package io.lakeops.control.jobs;

import io.lakeops.domain.ExtractionSpec;
import io.lakeops.domain.Severity;
import io.lakeops.domain.WatermarkKind;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules for the extraction part of a job definition; {@code sources} are the configured ones,
 * the only ones a definition may name (a source that is not there would fail every run).
 */
record ExtractionRules(FieldChecks checks, Set<String> sources) {
  private static final int MAX_KEY_COLUMNS = 8;

  ExtractionSpec validate(JobDefinition.Extraction e) {
    if (!checks.present("extraction", e)) {
      return null;
    }
    String source = checks.safeId("extraction.source", e.source());
    if (source != null && !sources.contains(source)) {
      checks.fail(
          "extraction.source",
          sources.isEmpty()
              ? "is not a configured source, and none is configured (lakeops.sources.<name>.jdbc-url)"
              : "is not a configured source; known sources: " + new TreeSet<>(sources));
    }
    String table = checks.sqlIdentifier("extraction.table", e.table());
    if (e.keyColumns() == null || e.keyColumns().isEmpty()) {
      checks.fail("extraction.keyColumns", "must name at least one column");
    } else if (e.keyColumns().size() > MAX_KEY_COLUMNS) {
      checks.fail("extraction.keyColumns", "must name at most " + MAX_KEY_COLUMNS + " columns");
    } else {
      for (int i = 0; i < e.keyColumns().size(); i++) {
        checks.sqlIdentifier("extraction.keyColumns[" + i + "]", e.keyColumns().get(i));
      }
    }
    String watermark = checks.sqlIdentifier("extraction.watermarkColumn", e.watermarkColumn());
    WatermarkKind kind =
        checks.oneOf(
            "extraction.watermarkKind",
            e.watermarkKind(),
            WatermarkKind.class,
            WatermarkKind.TIMESTAMP);
    int parallelism = checks.integer("extraction.parallelism", e.parallelism(), 4, 1, 64);
    int fetchSize = checks.integer("extraction.fetchSize", e.fetchSize(), 1000, 1, 100_000);
    Severity keyCheck =
        checks.oneOf("extraction.keyCheck", e.keyCheck(), Severity.class, Severity.FAIL);
    Severity rowCheck =
        checks.oneOf("extraction.rowCountCheck", e.rowCountCheck(), Severity.class, Severity.WARN);
    double tolerance = e.rowCountTolerance() == null ? 3.0 : e.rowCountTolerance();
    if (!(tolerance > 0 && tolerance <= 100)) {
      checks.fail("extraction.rowCountTolerance", "must be above 0 and at most 100");
    }
    return new ExtractionSpec(
        source,
        table,
        e.keyColumns(),
        watermark,
        kind,
        parallelism,
        fetchSize,
        keyCheck,
        rowCheck,
        tolerance);
  }
}
