package io.lakeops.bench;

import static io.lakeops.testdata.TestJobs.anExtractionJob;

import io.lakeops.adapters.dynamodb.DynaliteServer;
import io.lakeops.adapters.dynamodb.DynamoDbStateStore;
import io.lakeops.adapters.embedded.EmbeddedScheduleStore;
import io.lakeops.adapters.embedded.EmbeddedStateStore;
import io.lakeops.control.scheduling.ScheduleEntries;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Defines N extraction jobs at {@code every 1m}, active, with their due-index entries, for the
 * scheduler-pass benchmark (src/bench/scheduler-pass.sh): in a console's embedded store, or in a
 * dynalite this program starts and keeps serving until its input closes (it prints the endpoint for
 * the console to use). The jobs name pool {@code small}, which the benchmark's console runs without
 * clusters, so the runs made stay scheduled.
 *
 * <p>Usage: {@code SeedDueJobs embedded <data dir> <jobs>} or {@code SeedDueJobs dynalite <table
 * prefix> <jobs>}.
 */
public final class SeedDueJobs {
  private SeedDueJobs() {}

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int jobs = Integer.parseInt(args[2]);
    Clock clock = Clock.systemUTC();
    long start = System.nanoTime();
    Path data = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(data);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setUser("lakeops"); // as the console opens it (quarkus.datasource.username)
    h2.setURL("jdbc:h2:file:" + data.resolve("lakeops") + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).load().migrate();
    if (kind.equals("embedded")) {
      seed(new EmbeddedStateStore(h2, clock), new EmbeddedScheduleStore(h2, clock), jobs, clock);
      report(jobs, start);
      closeMirrorPositions(h2, clock);
      return;
    }
    DynaliteServer server = DynaliteServer.start();
    try (DynamoDbStateStore dynamo =
        DynamoDbStateStore.connect(server.storeConfig("bench-"), clock)) {
      seed(dynamo, dynamo.scheduleStore(), jobs, clock);
      report(jobs, start);
      closeMirrorPositions(h2, clock);
      System.out.println("dynalite " + server.endpoint());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the benchmark closes our input
      }
    } finally {
      server.close();
    }
  }

  private static void seed(StateStore store, ScheduleStore schedule, int jobs, Clock clock) {
    ScheduleEntries entries = new ScheduleEntries(schedule, store);
    for (int i = 0; i < jobs; i++) {
      String id = String.format("due-job-%05d", i);
      entries.reconcile(
          store.createJob(anExtractionJob().id(id).schedule("every 1m").build()),
          Instant.now(clock));
    }
  }

  /**
   * Sets the mirror's positions past the seeded changes, with room for the overlap it re-reads
   * before them (lakeops.audit.sync-overlap, 60 s), then closes the database.
   */
  private static void closeMirrorPositions(JdbcDataSource h2, Clock clock) throws SQLException {
    try (Connection c = h2.getConnection();
        PreparedStatement position =
            c.prepareStatement(
                "MERGE INTO audit_sync_position (entity_kind, position) KEY (entity_kind)"
                    + " VALUES (?, ?)")) {
      for (EntityKind kind : EntityKind.values()) {
        position.setString(1, kind.name());
        position.setTimestamp(2, Timestamp.from(clock.instant().plusSeconds(61)));
        position.executeUpdate();
      }
      c.createStatement().execute("SHUTDOWN");
    }
  }

  private static void report(int jobs, long start) {
    System.out.printf(
        "seeded %,d jobs at every 1m in %.1f s%n", jobs, (System.nanoTime() - start) / 1e9);
  }
}
