package io.lakeops.jobs.streaming;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Properties;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;

/**
 * Upserts window aggregates into PostgreSQL. The rows carry absolute values read from Spark's state
 * store (update output mode), not increments, so writing the same batch twice leaves the table as
 * it was. The {@code WHERE} guard keeps a stale replay from moving a window backwards: counts
 * within a window only grow, so fewer events means an older version.
 */
final class PostgresAggregates implements ForeachPartitionFunction<Row>, Serializable {
  private final String url;
  private final Properties credentials;
  private final String table;

  PostgresAggregates(String url, Properties credentials, String table) {
    this.url = url;
    this.credentials = credentials;
    this.table = table;
  }

  /** Creates the table when missing; run once on the driver at start. */
  void createTable() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, credentials);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (window_start timestamptz NOT NULL, window_end timestamptz NOT NULL,"
              + " page text NOT NULL, events bigint NOT NULL, page_views bigint NOT NULL,"
              + " clicks bigint NOT NULL, users bigint NOT NULL, last_event_time timestamptz,"
              + " updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),"
              + " PRIMARY KEY (window_start, page))");
    }
  }

  private String upsertSql() {
    return "INSERT INTO "
        + table
        + " AS t (window_start, window_end, page, events, page_views, clicks, users,"
        + " last_event_time, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())"
        + " ON CONFLICT (window_start, page) DO UPDATE SET window_end = EXCLUDED.window_end,"
        + " events = EXCLUDED.events, page_views = EXCLUDED.page_views, clicks = EXCLUDED.clicks,"
        + " users = EXCLUDED.users, last_event_time = EXCLUDED.last_event_time,"
        + " updated_at = EXCLUDED.updated_at WHERE t.events < EXCLUDED.events";
  }

  /**
   * Columns: window_start, window_end, page, events, page_views, clicks, users, last_event_time.
   */
  @Override
  public void call(Iterator<Row> rows) throws SQLException {
    if (!rows.hasNext()) {
      return;
    }
    try (Connection c = DriverManager.getConnection(url, credentials)) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(upsertSql())) {
        while (rows.hasNext()) {
          Row r = rows.next();
          ps.setObject(1, utc(r.getTimestamp(0)));
          ps.setObject(2, utc(r.getTimestamp(1)));
          ps.setString(3, r.getString(2));
          ps.setLong(4, r.getLong(3));
          ps.setLong(5, r.getLong(4));
          ps.setLong(6, r.getLong(5));
          ps.setLong(7, r.getLong(6));
          ps.setObject(8, r.isNullAt(7) ? null : utc(r.getTimestamp(7)));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  private static Object utc(Timestamp ts) {
    return ts.toInstant().atOffset(ZoneOffset.UTC);
  }
}
