package io.lakeops.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The shop's {@code orders} table as the process tests use it: ids 1 to {@code rows}, each with a
 * customer and an update time a minute after the one before, and the ids read back as the source's
 * side of a reconciliation.
 */
public final class OrdersTable {
  private OrdersTable() {}

  /** Creates database {@code shop} on {@code server} and its {@code orders} table, filled. */
  public static void createShop(MariaDbServer server, int rows, Instant first) throws SQLException {
    try (Connection c = server.connect("");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE shop");
    }
    try (Connection c = server.connect("shop");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(40) NOT NULL,"
              + " updated_at DATETIME(3) NOT NULL)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
        for (int i = 1; i <= rows; i++) {
          insert.setLong(1, i);
          insert.setString(2, "customer-" + (i % 7));
          insert.setTimestamp(3, Timestamp.from(first.plusSeconds(i * 60L)));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  /** The ids of {@code table} over {@code connection}, in order. */
  public static List<Long> ids(Connection connection, String table) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      List<Long> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
      return ids;
    }
  }
}
