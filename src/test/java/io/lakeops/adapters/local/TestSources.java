package io.lakeops.adapters.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.tools.Server;

/**
 * Extraction sources for LocalLivyClusterIT: an H2 database served over TCP (with its driver jar
 * copied where Livy lets batches read it), and a socket that accepts connections and never answers,
 * to keep a job running until it is killed.
 */
final class TestSources {
  private final Path work;
  private final List<Socket> hanging = new CopyOnWriteArrayList<>();
  private Server h2;
  private ServerSocket silent;

  TestSources(Path work) {
    this.work = work;
  }

  void start() throws Exception {
    Files.createDirectories(work);
    Path jar =
        Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.copy(jar, h2Jar(), StandardCopyOption.REPLACE_EXISTING);
    h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "")) {
      c.createStatement().execute("DROP TABLE IF EXISTS orders");
      c.createStatement()
          .execute(
              "CREATE TABLE orders (id BIGINT PRIMARY KEY, amount DECIMAL(12,2), note VARCHAR(40))");
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
        for (int i = 1; i <= 20; i++) {
          ps.setLong(1, i);
          ps.setBigDecimal(2, new java.math.BigDecimal(i + ".50"));
          ps.setString(3, "order " + i);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!silent.isClosed()) {
                try {
                  hanging.add(silent.accept());
                } catch (IOException e) {
                  return;
                }
              }
            },
            "silent-source");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  Path h2Jar() {
    return work.resolve("h2.jar");
  }

  String jdbcUrl() {
    return "jdbc:h2:tcp://127.0.0.1:"
        + h2.getPort()
        + "/mem:orders;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
  }

  List<String> extractionArgs(String runId) {
    return List.of(
        "--jdbc-url",
        jdbcUrl(),
        "--user",
        "sa",
        "--table",
        "orders",
        "--key",
        "id",
        "--watermark-column",
        "id",
        "--watermark-kind",
        "id",
        "--run-id",
        runId,
        "--window-low",
        "0",
        "--window-high",
        "1000",
        "--output",
        work.resolve("lake").toString(),
        "--parallelism",
        "2");
  }

  List<String> hangingExtractionArgs(String runId) {
    return List.of(
        "--jdbc-url",
        "jdbc:mysql://127.0.0.1:" + silent.getLocalPort() + "/none",
        "--table",
        "orders",
        "--key",
        "id",
        "--watermark-column",
        "id",
        "--watermark-kind",
        "id",
        "--run-id",
        runId,
        "--window-low",
        "0",
        "--window-high",
        "10",
        "--output",
        work.resolve("lake-hanging").toString());
  }

  int hangingConnections() {
    return hanging.size();
  }

  void stop() {
    try {
      for (Socket s : hanging) {
        s.close();
      }
      if (silent != null) {
        silent.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (h2 != null) {
        h2.stop();
      }
    }
  }
}
