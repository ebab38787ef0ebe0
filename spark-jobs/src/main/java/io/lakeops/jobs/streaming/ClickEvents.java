package io.lakeops.jobs.streaming;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The click-event contract: the explicit schema the JSON is parsed with (never inferred, so a
 * producer cannot change the table by sending a new field) and the rule separating valid events
 * from dead letters. A record is a dead letter when it is not JSON, misses a required field, has an
 * unknown event type or an event time that does not parse.
 */
final class ClickEvents {
  static final StructType SCHEMA =
      new StructType()
          .add("event_id", DataTypes.StringType)
          .add("user_id", DataTypes.StringType)
          .add("session_id", DataTypes.StringType)
          .add("event_type", DataTypes.StringType)
          .add("page", DataTypes.StringType)
          .add("element", DataTypes.StringType)
          .add("event_time", DataTypes.TimestampType);

  private ClickEvents() {}

  /** Kafka records with the parsed event in column {@code e} and a {@code valid} flag. */
  static Dataset<Row> parse(Dataset<Row> kafka) {
    Dataset<Row> raw =
        kafka.selectExpr(
            "CAST(key AS STRING) AS key",
            "CAST(value AS STRING) AS value",
            "topic",
            "partition",
            "offset",
            "timestamp AS kafka_time");
    Column e = col("e");
    // PERMISSIVE: a malformed record yields nulls instead of failing the query.
    Dataset<Row> parsed =
        raw.withColumn("e", from_json(col("value"), SCHEMA, Map.of("mode", "PERMISSIVE")));
    Column valid =
        e.isNotNull()
            .and(e.getField("event_id").isNotNull())
            .and(e.getField("user_id").isNotNull())
            .and(e.getField("page").isNotNull())
            .and(e.getField("event_time").isNotNull())
            .and(e.getField("event_type").isin("page_view", "click"));
    return parsed.withColumn("valid", valid.isNotNull().and(valid));
  }
}
