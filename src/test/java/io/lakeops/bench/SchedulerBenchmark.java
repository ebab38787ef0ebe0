package io.lakeops.bench;

import static io.lakeops.testdata.TestJobs.anExtractionJob;

import io.lakeops.adapters.dynamodb.DynaliteServer;
import io.lakeops.adapters.dynamodb.DynamoDbStateStore;
import io.lakeops.adapters.embedded.EmbeddedScheduleStore;
import io.lakeops.adapters.embedded.EmbeddedStateStore;
import io.lakeops.adapters.json.DomainJson;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.scheduling.ExtractionScheduler;
import io.lakeops.control.scheduling.ScheduleEntries;
import io.lakeops.control.scheduling.SchedulerSettings;
import io.lakeops.control.scheduling.StreamingKeeper;
import io.lakeops.control.scheduling.TickReport;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.StateStore;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Scheduler capacity: tick time and state-store calls per tick for N extraction jobs on a 1-minute
 * interval, against the embedded store (an H2 file database) and DynamoDB (dynalite). A tick where
 * every job is due shows the cost of due work; a tick in between shows that an idle tick costs the
 * same whatever N is. Run with src/bench/scheduler.sh; figures go to docs/benchmarks/scheduler.md.
 */
public final class SchedulerBenchmark {

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String stores = args.length > 1 ? args[1] : "embedded,dynalite";
    System.out.printf(
        "%-9s %7s %-22s %9s %12s %13s%n",
        "store", "jobs", "tick", "ms", "runs_created", "store_calls");
    for (String store : stores.split(",")) {
      run(store.trim(), jobs);
    }
    System.exit(0);
  }

  private static void run(String kind, int jobs) throws Exception {
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
      dataSource.setURL("jdbc:h2:file:" + dir.resolve("bench") + ";DB_CLOSE_DELAY=-1");
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
      StateStore countedStore = counting(StateStore.class, store, calls);
      ScheduleStore countedSchedule = counting(ScheduleStore.class, schedule, calls);
      AuditTrail audit = new AuditTrail(new InMemoryAuditLog(), DomainJson::write);
      SchedulerSettings settings = SchedulerSettings.DEFAULT;
      ExtractionScheduler scheduler =
          new ExtractionScheduler(
              countedSchedule,
              countedStore,
              countedStore,
              new StreamingKeeper(countedSchedule, countedStore, audit, settings),
              audit,
              settings);
      tick(kind, jobs, scheduler, calls, "12:01:00 (all due)", "2026-11-26T12:01:00Z");
      tick(kind, jobs, scheduler, calls, "12:01:30 (none due)", "2026-11-26T12:01:30Z");
      tick(kind, jobs, scheduler, calls, "12:02:00 (all due)", "2026-11-26T12:02:00Z");
      tick(kind, jobs, scheduler, calls, "12:02:20 (none due)", "2026-11-26T12:02:20Z");
    }
  }

  private static void tick(
      String kind,
      int jobs,
      ExtractionScheduler scheduler,
      AtomicLong calls,
      String label,
      String at) {
    calls.set(0);
    long start = System.nanoTime();
    TickReport report = scheduler.tick(Instant.parse(at));
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "%-9s %7d %-22s %9d %12d %13d%n", kind, jobs, label, ms, report.runsCreated(), calls.get());
  }

  /** Counts every call made through the port. */
  @SuppressWarnings("unchecked")
  private static <T> T counting(Class<T> port, T target, AtomicLong calls) {
    return (T)
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              calls.incrementAndGet();
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
