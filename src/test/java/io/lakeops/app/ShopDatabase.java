package io.lakeops.app;

import io.lakeops.testdata.MariaDbServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
}
