package io.lakeops.app;

import io.lakeops.testdata.MariaDbServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A real MariaDB server as the console's source {@code shop}, for the end-to-end tests. */
public class ShopDatabase implements QuarkusTestResourceLifecycleManager {
  static final String SOURCE = "shop";
  private static volatile MariaDbServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = MariaDbServer.start(Path.of("target/e2e-mariadb"));
      try (Connection c = server.connect("");
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + SOURCE);
      }
      return Map.of(
          "lakeops.sources." + SOURCE + ".jdbc-url",
          server.url(SOURCE),
          "lakeops.sources." + SOURCE + ".user",
          "root");
    } catch (Exception e) {
      throw new IllegalStateException("cannot start MariaDB for the shop source", e);
    }
  }

  @Override
  public void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (Exception e) {
      System.err.println("MariaDB did not stop cleanly: " + e);
    }
  }

  /** A connection to the shop database, for the test to create and fill tables. */
  static Connection connect() throws SQLException {
    return server.connect(SOURCE);
  }

  /**
   * Creates {@code table} (id, customer, amount, updated_at) with ids 1 to {@code rows}, updated
   * {@code step} apart from {@code first}: a source table for extractions keyed by id.
   */
  static void createOrders(String table, int rows, Instant first, Duration step)
      throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + table
              + " (id BIGINT PRIMARY KEY, customer VARCHAR(40) NOT NULL,"
              + " amount DECIMAL(12,2) NOT NULL, updated_at DATETIME(3) NOT NULL)");
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
        for (int i = 1; i <= rows; i++) {
          insert.setLong(1, i);
          insert.setString(2, "customer-" + (i % 17));
          insert.setBigDecimal(3, new java.math.BigDecimal(i + ".25"));
          insert.setTimestamp(4, java.sql.Timestamp.from(first.plus(step.multipliedBy(i))));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }
}
