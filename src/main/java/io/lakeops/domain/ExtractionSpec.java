package io.lakeops.domain;

import java.util.List;

/**
 * An incremental extraction of one source table into the lake.
 *
 * @param source the name of a configured JDBC source; credentials are resolved by that name at run
 *     time, never carried in the definition
 * @param table the source table (a strict SQL identifier)
 * @param keyColumns the columns that identify a row
 * @param watermarkColumn the column the extraction advances on
 * @param watermarkKind timestamp or increasing id
 * @param parallelism partitions read in parallel
 * @param fetchSize JDBC fetch size
 * @param keyCheck severity when a key is null or duplicated within a batch
 * @param rowCountCheck severity when the row count deviates from recent runs
 * @param rowCountTolerance allowed relative deviation from the recent mean, for example 3.0 = 300%
 */
public record ExtractionSpec(
    String source,
    String table,
    List<String> keyColumns,
    String watermarkColumn,
    WatermarkKind watermarkKind,
    int parallelism,
    int fetchSize,
    Severity keyCheck,
    Severity rowCountCheck,
    double rowCountTolerance) {

  public ExtractionSpec {
    keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
  }
}
