package io.lakeops.jobs.streaming;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The aggregate table and its ledger of applied micro-batches, {@code <table>_batches}: one row per
 * streaming query (by Spark's query id, which the checkpoint keeps across restarts) with the last
 * batch id applied. A batch's increments and the ledger's step to its id commit in one transaction,
 * so a batch Spark re-runs after a crash between that commit and its checkpoint commit finds its id
 * in the ledger and changes nothing: exactly once, although the counts are increments. The ledger
 * row is written first, so its row lock also serialises two writers of the same query.
 */
final class PostgresAggregates implements AutoCloseable {
  private final String url;
  private final Properties credentials;
  private final String table;
  private final String ledger;
  private Connection connection;

  PostgresAggregates(String url, Properties credentials, String table) {
    this.url = url;
    this.credentials = credentials;
    this.table = table;
    this.ledger = table + "_batches";
  }

  /** Creates both tables when missing; refuses a table of the earlier absolute-count job. */
  void createTables() throws SQLException {
    try (Statement s = connection().createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT to_regclass('"
                  + table
                  + "') IS NOT NULL, EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"
                  + table
                  + "') AND attname = 'users_sketch' AND NOT attisdropped)")) {
        rs.next();
        if (rs.getBoolean(1) && !rs.getBoolean(2)) {
          throw new IllegalStateException(
              table
                  + " holds absolute counts of the earlier two-query job; this job adds increments"
                  + " to it, so drop or rename it (the job counts the topic again) or choose another"
                  + " table");
        }
      }
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " (window_start timestamptz NOT NULL, window_end timestamptz NOT NULL,"
              + " page text NOT NULL, events bigint NOT NULL, page_views bigint NOT NULL,"
              + " clicks bigint NOT NULL, users bigint NOT NULL, users_sketch bytea NOT NULL,"
              + " last_event_time timestamptz,"
              + " updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),"
              + " PRIMARY KEY (window_start, page))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + ledger
              + " (query_id text PRIMARY KEY, query_name text NOT NULL, batch_id bigint NOT NULL,"
              + " applied_at timestamptz NOT NULL)");
    }
  }

  /** The last batch id applied for the query, -1 for none. */
  long lastApplied(String queryId) throws SQLException {
    try (PreparedStatement ps =
        connection().prepareStatement("SELECT batch_id FROM " + ledger + " WHERE query_id = ?")) {
      ps.setString(1, queryId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  /**
   * Adds a batch's counts and merges its user sketches in one transaction with the ledger's step;
   * false (and nothing changed) when the ledger already holds this batch or a later one.
   */
  boolean apply(String queryId, String queryName, long batchId, List<WindowCounts> windows)
      throws SQLException {
    Connection c = connection();
    try {
      c.setAutoCommit(false);
      boolean applied = advanceLedger(c, queryId, queryName, batchId);
      if (applied) {
        upsert(c, windows);
        c.commit();
      } else {
        c.rollback();
      }
      c.setAutoCommit(true);
      return applied;
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void upsert(Connection c, List<WindowCounts> windows) throws SQLException {
    Map<String, byte[]> stored = storedSketches(c, windows);
    try (PreparedStatement ps = c.prepareStatement(upsertSql())) {
      for (WindowCounts w : windows) {
        byte[] users =
            UserSketches.union(stored.get(key(w.windowStart(), w.page())), w.usersSketch());
        ps.setObject(1, utc(w.windowStart()));
        ps.setObject(2, utc(w.windowEnd()));
        ps.setString(3, w.page());
        ps.setLong(4, w.events());
        ps.setLong(5, w.pageViews());
        ps.setLong(6, w.clicks());
        ps.setLong(7, UserSketches.estimate(users));
        ps.setBytes(8, users);
        ps.setObject(9, w.lastEventTime() == null ? null : utc(w.lastEventTime()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private boolean advanceLedger(Connection c, String queryId, String queryName, long batchId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + ledger
                + " AS l (query_id, query_name, batch_id, applied_at)"
                + " VALUES (?, ?, ?, clock_timestamp()) ON CONFLICT (query_id) DO UPDATE SET"
                + " batch_id = EXCLUDED.batch_id, query_name = EXCLUDED.query_name,"
                + " applied_at = EXCLUDED.applied_at WHERE l.batch_id < EXCLUDED.batch_id")) {
      ps.setString(1, queryId);
      ps.setString(2, queryName);
      ps.setLong(3, batchId);
      return ps.executeUpdate() == 1;
    }
  }

  /** The stored sketches of every page of the batch's windows (a few dozen rows). */
  private Map<String, byte[]> storedSketches(Connection c, List<WindowCounts> windows)
      throws SQLException {
    Map<String, byte[]> out = new HashMap<>();
    String[] starts =
        windows.stream().map(w -> w.windowStart().toString()).distinct().toArray(String[]::new);
    if (starts.length == 0) {
      return out;
    }
    Array array = c.createArrayOf("text", starts);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT window_start, page, users_sketch FROM "
                + table
                + " WHERE window_start = ANY (?::timestamptz[])")) {
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant start = rs.getObject(1, OffsetDateTime.class).toInstant();
          out.put(key(start, rs.getString(2)), rs.getBytes(3));
        }
      }
    } finally {
      array.free();
    }
    return out;
  }

  private String upsertSql() {
    return "INSERT INTO "
        + table
        + " AS t (window_start, window_end, page, events, page_views, clicks, users,"
        + " users_sketch, last_event_time, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())"
        + " ON CONFLICT (window_start, page) DO UPDATE SET events = t.events + EXCLUDED.events,"
        + " page_views = t.page_views + EXCLUDED.page_views, clicks = t.clicks + EXCLUDED.clicks,"
        + " users = EXCLUDED.users, users_sketch = EXCLUDED.users_sketch,"
        + " last_event_time = GREATEST(t.last_event_time, EXCLUDED.last_event_time),"
        + " updated_at = EXCLUDED.updated_at";
  }

  private static String key(Instant windowStart, String page) {
    return windowStart + "|" + page;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /**
   * One connection for the query's life (batches run one after another), reopened after a failure.
   */
  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection(url, credentials);
    }
    return connection;
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        System.err.println("streaming: closing the PostgreSQL connection: " + e);
      }
      connection = null;
    }
  }
}
