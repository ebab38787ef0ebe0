package io.lakeops.jobs.extraction;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the checks need to know about a staged batch, gathered in one pass over its Parquet files
 * (cheap, local to the cluster) rather than by reading the source a second time.
 *
 * @param distinctKeys distinct key values among rows whose key has no null part
 */
public record BatchStats(
    long rows, long rowsWithNullKey, long distinctKeys, String minWatermark, String maxWatermark) {

  public static BatchStats of(Dataset<Row> batch, List<String> keys, String watermarkColumn) {
    Column anyKeyNull = lit(false);
    for (String key : keys) {
      anyKeyNull = anyKeyNull.or(col(key).isNull());
    }
    Column[] rest = keys.stream().skip(1).map(k -> col(k)).toArray(Column[]::new);
    Row r =
        batch
            .agg(
                count(lit(1)),
                sum(when(anyKeyNull, 1).otherwise(0)),
                // countDistinct ignores rows where any of its columns is null, as wanted here.
                countDistinct(col(keys.get(0)), rest),
                min(col(watermarkColumn)).cast("string"),
                max(col(watermarkColumn)).cast("string"))
            .first();
    return new BatchStats(
        r.getLong(0),
        r.isNullAt(1) ? 0 : r.getLong(1),
        r.getLong(2),
        r.isNullAt(3) ? null : r.getString(3),
        r.isNullAt(4) ? null : r.getString(4));
  }

  public long duplicateKeyRows() {
    return rows - rowsWithNullKey - distinctKeys;
  }
}
