package io.lakeops.bench;

import static io.lakeops.testdata.TestJobs.anExtractionJob;

import io.lakeops.adapters.dynamodb.DynaliteServer;
import io.lakeops.adapters.dynamodb.DynamoDbStateStore;
import io.lakeops.adapters.embedded.EmbeddedScheduleStore;
import io.lakeops.adapters.embedded.EmbeddedStateStore;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.scheduling.ExtractionScheduler;
import io.lakeops.control.scheduling.ScheduleEntries;
import io.lakeops.control.scheduling.SchedulerSettings;
import io.lakeops.control.scheduling.StreamingKeeper;
import io.lakeops.control.scheduling.TickReport;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.StateStore;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.Proxies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Scheduler capacity: tick time and state-store calls per tick for N extraction jobs on a 1-minute
 * interval, against the embedded store (an H2 file database) and DynamoDB (dynalite). A tick where
 * every job is due shows the cost of due work; a tick in between shows that an idle tick costs the
 * same whatever N is. Each tick thread count given (default: the settings' default) gets its own
 * scheduler and ticks over the same jobs, a few minutes on. Run with src/bench/scheduler.sh;
 * figures go to docs/benchmarks/scheduler.md.
 */
public final class SchedulerBenchmark {

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String stores = args.length > 1 ? args[1] : "embedded,dynalite";
    String threads =
        args.length > 2 ? args[2] : String.valueOf(SchedulerSettings.DEFAULT.tickThreads());
    System.out.printf(
        "%-9s %7s %7s %-22s %9s %12s %13s %8s%n",
        "store", "jobs", "threads", "tick", "ms", "runs_created", "store_calls", "failures");
    for (String store : stores.split(",")) {
      run(store.trim(), jobs, Arrays.stream(threads.split(",")).map(String::trim).toList());
    }
    System.exit(0);
  }

  private static void run(String kind, int jobs, List<String> threadCounts) throws Exception {
    MutableClock clock = MutableClock.at("2026-11-26T12:00:30Z");
    StateStore store;
    ScheduleStore schedule;
    AutoCloseable closer;
    if (kind.equals("embedded")) {
      Path dir = Files.createTempDirectory("lakeops-bench");
      JdbcDataSource dataSource = new JdbcDataSource();
      // Kept open between connections, as the console's pool does; unpooled H2 closes (and
      // compacts)
      // the file at every last close.
      dataSource.setURL(
          "jdbc:h2:file:" + dir.resolve("bench") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
      Flyway.configure().dataSource(dataSource).load().migrate();
      store = new EmbeddedStateStore(dataSource, clock);
      schedule = new EmbeddedScheduleStore(dataSource, clock);
      closer = () -> {};
    } else {
      DynaliteServer server = DynaliteServer.start();
      DynamoDbStateStore dynamo = DynamoDbStateStore.connect(server.storeConfig("bench-"), clock);
      store = dynamo;
      schedule = dynamo.scheduleStore();
      closer =
          () -> {
            dynamo.close();
            server.close();
          };
    }
    try (closer) {
      ScheduleEntries entries = new ScheduleEntries(schedule, store);
      for (int i = 0; i < jobs; i++) {
        entries.reconcile(
            store.createJob(anExtractionJob().id("job-" + i).schedule("every 1m").build()),
            clock.instant());
      }
      AtomicLong calls = new AtomicLong();
      StateStore countedStore = Proxies.counting(StateStore.class, store, calls);
      ScheduleStore countedSchedule = Proxies.counting(ScheduleStore.class, schedule, calls);
      AuditTrail audit = new AuditTrail(new InMemoryAuditLog(), DomainJson::write);
      Instant minute = Instant.parse("2026-11-26T12:01:00Z");
      for (String threads : threadCounts) {
        SchedulerSettings settings = withTickThreads(Integer.parseInt(threads));
        try (ExtractionScheduler scheduler =
            new ExtractionScheduler(
                countedSchedule,
                countedStore,
                countedStore,
                new StreamingKeeper(countedSchedule, countedStore, audit, settings),
                audit,
                settings)) {
          Tick tick = new Tick(kind, jobs, threads, scheduler, calls);
          for (int i = 0; i < 2; i++) {
            tick.at(minute, " (all due)");
            tick.at(minute.plusSeconds(30), " (none due)");
            minute = minute.plusSeconds(60);
          }
        }
      }
    }
  }

  private static SchedulerSettings withTickThreads(int threads) {
    SchedulerSettings d = SchedulerSettings.DEFAULT;
    return new SchedulerSettings(
        d.catchUpCap(),
        d.pageSize(),
        d.streamingCheckEvery(),
        d.restartLoopRestarts(),
        d.restartLoopPeriod(),
        threads);
  }

  /** Ticks one scheduler and prints a line: time taken, runs created, port calls made. */
  private record Tick(
      String kind, int jobs, String threads, ExtractionScheduler scheduler, AtomicLong calls) {
    void at(Instant at, String what) {
      calls.set(0);
      long start = System.nanoTime();
      TickReport report = scheduler.tick(at);
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "%-9s %7d %7s %-22s %9d %12d %13d %8d%n",
          kind,
          jobs,
          threads,
          at.toString().substring(11, 19) + what,
          ms,
          report.runsCreated(),
          calls.get(),
          report.failures().size());
    }
  }
}
