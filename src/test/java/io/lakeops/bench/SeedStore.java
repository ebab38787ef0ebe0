package io.lakeops.bench;

import static io.lakeops.testdata.TestJobs.anExtractionJob;

import io.lakeops.adapters.embedded.EmbeddedStateStore;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.testdata.TestClusters;
import io.lakeops.testdata.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fills a console's embedded store (the H2 database in its data directory) to the scale of a large
 * installation, for the load benchmark (src/bench/seeded-load.sh): clusters (all terminated: the
 * console's reconciler has nothing to do), jobs (paused, so the scheduler stays quiet), runs over
 * the past days in a mix of states, and audit entries. The audit mirror's sync positions are set
 * past the seeded records, so the console does not mirror them again at its start.
 *
 * <p>Usage: {@code SeedStore <data dir> [clusters] [jobs] [runs] [audit entries]}, by default 100,
 * 10,000, 100,000 and 1,000,000.
 */
public final class SeedStore {
  private static final Instant NOW =
      Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]).toAbsolutePath();
    int clusters = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
    int audit = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
    Files.createDirectories(data);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setUser("lakeops"); // as the console opens it (quarkus.datasource.username)
    // Kept open between statements: the store opens a connection per call.
    h2.setURL(
        "jdbc:h2:file:" + data.resolve("lakeops") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(h2).load().migrate();
    EmbeddedStateStore store = new EmbeddedStateStore(h2, Clock.systemUTC());

    long t = System.nanoTime();
    for (int i = 0; i < clusters; i++) {
      Instant at = NOW.minus(Duration.ofHours(clusters - i));
      Cluster ready =
          store.createCluster(
              TestClusters.aCluster()
                  .id(String.format("seed-small-%04d", i))
                  .requestedAt(at)
                  .ready("http://127.0.0.1:1"));
      store.updateCluster(
          ready
              .moveTo(ClusterState.TERMINATING, "rotated", at.plusSeconds(3000))
              .moveTo(ClusterState.TERMINATED, "rotated", at.plusSeconds(3100)));
    }
    report("clusters", clusters, t);

    t = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      store.createJob(anExtractionJob().id(job(i)).table("orders_" + (i % 500)).paused().build());
    }
    report("jobs (paused)", jobs, t);

    t = System.nanoTime();
    int perJob = Math.max(1, runs / Math.max(1, jobs));
    int made = 0;
    for (int w = 0; w < perJob && made < runs; w++) {
      for (int i = 0; i < jobs && made < runs; i++, made++) {
        Instant window = NOW.minus(Duration.ofMinutes(5L * (perJob - w))).minusSeconds(i % 60);
        JobRun run =
            store.createRunIfAbsent(TestRuns.aRun().job(job(i)).at(window).build()).value();
        JobRun submitted =
            store.updateRun(run.submitted(new ClusterId("seed-small-0000"), "b" + made, window));
        if (made % 20 == 7) {
          store.updateRun(
              submitted.failed(
                  RunState.FAILED,
                  FailureKind.JOB,
                  "seeded failure: table is gone",
                  window.plusSeconds(40)));
        } else {
          JobRun running =
              store.updateRun(submitted.moveTo(RunState.RUNNING, window.plusSeconds(5)));
          store.updateRun(
              running.succeeded(
                  new RunResult(1000 + i, 1000 + i, window.toString(), "", ""),
                  window.plusSeconds(30 + i % 30)));
        }
      }
    }
    report("runs", made, t);

    t = System.nanoTime();
    try (Connection c = h2.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO audit_entry (at, actor, action, entity_kind, entity_id, version, reason,"
                  + " before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
        for (int i = 0; i < audit; i++) {
          Instant at = NOW.minus(Duration.ofSeconds(audit - i));
          insert.setObject(1, at.atOffset(ZoneOffset.UTC));
          insert.setString(2, i % 10 == 0 ? "alice" : "scheduler");
          insert.setString(3, i % 10 == 0 ? "run.rerun" : "run.state");
          insert.setString(4, "RUN");
          insert.setString(5, job(i % jobs) + "~seeded-" + i / jobs);
          insert.setLong(6, i / jobs + 1);
          insert.setString(7, i % 10 == 0 ? "seeded re-run" : null);
          insert.setString(8, "{\"state\":\"SUCCEEDED\"}");
          insert.addBatch();
          if (i % 10_000 == 9_999) {
            insert.executeBatch();
            c.commit();
          }
        }
        insert.executeBatch();
        c.commit();
      }
      try (Statement s = c.createStatement()) {
        Timestamp past = Timestamp.from(Instant.now().plusSeconds(1));
        for (String kind : new String[] {"JOB", "RUN", "CLUSTER"}) {
          s.execute("DELETE FROM audit_sync_position WHERE entity_kind = '" + kind + "'");
        }
        try (PreparedStatement position =
            c.prepareStatement(
                "INSERT INTO audit_sync_position (entity_kind, position) VALUES (?, ?)")) {
          for (String kind : new String[] {"JOB", "RUN", "CLUSTER"}) {
            position.setString(1, kind);
            position.setTimestamp(2, past);
            position.addBatch();
          }
          position.executeBatch();
        }
        c.commit();
      }
    }
    report("audit entries", audit, t);
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN"); // written out whole before the console opens it
    }
    System.exit(0);
  }

  private static String job(int i) {
    return String.format("seed-job-%05d", i);
  }

  private static void report(String what, int count, long since) {
    System.out.printf("seeded %,d %s in %.1f s%n", count, what, (System.nanoTime() - since) / 1e9);
  }
}
