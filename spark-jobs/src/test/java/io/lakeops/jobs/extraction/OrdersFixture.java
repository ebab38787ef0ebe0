package io.lakeops.jobs.extraction;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * An orders table in MariaDB with the MySQL types the extraction must map: unsigned BIGINT and INT,
 * DECIMAL, TINYINT(1), DATETIME(3) and TIMESTAMP(6), and nullable text. Rows get update timestamps
 * spread over two hours (one every ~24 s for 300 rows), plus one row with extreme values.
 */
record OrdersFixture(String url, String table) {

  static OrdersFixture create(String url, String table, int rows) throws Exception {
    return create(url, table, rows, "PRIMARY KEY");
  }

  static OrdersFixture createWithoutKey(String url, String table, int rows) throws Exception {
    return create(url, table, rows, "NULL");
  }

  private static OrdersFixture create(String url, String table, int rows, String idConstraint)
      throws Exception {
    OrdersFixture f = new OrdersFixture(url, table);
    f.execute("DROP TABLE IF EXISTS " + table);
    f.execute(
        "CREATE TABLE "
            + table
            + " (id BIGINT UNSIGNED "
            + idConstraint
            + ", customer_id INT UNSIGNED, amount DECIMAL(12,2), active TINYINT(1),"
            + " note VARCHAR(100) NULL, created_at DATETIME(3), updated_at TIMESTAMP(6) NULL)");
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO "
                    + table
                    + " (id, customer_id, amount, active, note, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, '2023-12-31 00:00:00', "
                    + "TIMESTAMPADD(SECOND, ?, '2024-01-01 00:00:00'))")) {
      c.createStatement().execute("SET time_zone = '+00:00'");
      for (int i = 1; i <= rows; i++) {
        ps.setLong(1, i);
        ps.setLong(2, 1000 + i % 17);
        ps.setBigDecimal(3, new java.math.BigDecimal(i + ".25"));
        ps.setBoolean(4, i % 2 == 0);
        ps.setString(5, "order " + i);
        ps.setLong(6, (long) (i - 1) * 7200 / Math.max(rows, 1));
        ps.addBatch();
      }
      ps.executeBatch();
      // Extreme values, inserted from a +05:00 session to prove TIMESTAMP values keep their
      // instant.
      Statement s = c.createStatement();
      s.execute("SET time_zone = '+05:00'");
      s.execute(
          "INSERT INTO "
              + table
              + " VALUES (4294967295000, 4294967295, 12345678.90, 1, NULL,"
              + " '2023-12-31 23:59:59.500', '2024-01-01 05:30:00')");
    }
    return f;
  }

  void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  long countInWindow(String low, String high) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("SET time_zone = '+00:00'");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*) FROM "
                  + table
                  + " WHERE updated_at >= '"
                  + low
                  + "' AND updated_at < '"
                  + high
                  + "'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
