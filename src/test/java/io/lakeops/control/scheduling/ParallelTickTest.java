package io.lakeops.control.scheduling;

import static io.lakeops.testdata.TestJobs.aStreamingJob;
import static io.lakeops.testdata.TestJobs.anExtractionJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.VersionConflictException;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A tick works on the entries of a page at once, within its thread bound, with the same result. */
class ParallelTickTest {
  private static final List<String> TICKS =
      List.of("2026-11-26T12:05:01Z", "2026-11-26T12:10:01Z", "2026-11-26T13:00:00Z");

  @Test
  void entriesOfAPageAreHandledAtOnceButNeverMoreThanTheTickThreads() {
    Lake lake = new Lake();
    IntStream.range(0, 40).forEach(i -> lake.define(anExtractionJob().id("job-" + i).build()));
    InFlight inFlight = new InFlight(4);

    TickReport report;
    try (ExtractionScheduler scheduler = lake.scheduler(settings(10, 4), inFlight)) {
      report = scheduler.tick(Instant.parse(TICKS.get(0)));
    }

    assertThat(report.entriesRead()).isEqualTo(40); // four pages of ten
    assertThat(report.runsCreated()).isEqualTo(40);
    assertThat(inFlight.max()).isEqualTo(4);
  }

  @Test
  void aParallelTickLeavesTheSameRunsEntriesAndReportsAsASequentialOne() {
    Lake sequential = Lake.withMixedJobs(60);
    Lake parallel = Lake.withMixedJobs(60);

    try (ExtractionScheduler one = sequential.scheduler(settings(7, 1), id -> {});
        ExtractionScheduler eight = parallel.scheduler(settings(7, 8), id -> {})) {
      for (String at : TICKS) {
        assertThat(summary(parallel.tickAt(eight, at)))
            .isEqualTo(summary(sequential.tickAt(one, at)));
      }
    }

    assertThat(parallel.runs()).isNotEmpty().isEqualTo(sequential.runs());
    assertThat(parallel.entries()).isEqualTo(sequential.entries());
    assertThat(parallel.audited()).isNotEmpty().isEqualTo(sequential.audited());
  }

  @Test
  void raceAndFailureOfSomeEntriesAreReportedAsBeforeWhileTheOthersGoOn() {
    Lake lake = new Lake();
    IntStream.range(0, 20).forEach(i -> lake.define(anExtractionJob().id("job-" + i).build()));
    Consumer<JobId> trouble =
        id -> {
          switch (id.value()) {
            case "job-3" -> throw new VersionConflictException("job", "job-3", 1);
            case "job-7" -> throw new NotFoundException("job", "job-7");
            case "job-11" -> throw new IllegalStateException("store unreachable");
            default -> {}
          }
        };

    TickReport report;
    try (ExtractionScheduler scheduler = lake.scheduler(settings(10, 4), trouble)) {
      report = scheduler.tick(Instant.parse(TICKS.get(0)));
    }

    assertThat(report.entriesRead()).isEqualTo(20);
    assertThat(report.runsCreated()).isEqualTo(17);
    assertThat(report.conflicts()).isEqualTo(2);
    assertThat(report.failures())
        .extracting(StepFailure::describe)
        .containsExactly("job-11: store unreachable");
  }

  private static SchedulerSettings settings(int pageSize, int tickThreads) {
    return new SchedulerSettings(
        3, pageSize, Duration.ofMinutes(1), 3, Duration.ofMinutes(30), tickThreads);
  }

  /** What a report says, with its notes sorted: across threads they come in no set order. */
  private static List<Object> summary(TickReport report) {
    return List.of(
        report.entriesRead(),
        report.runsCreated(),
        report.conflicts(),
        report.skipped().stream().sorted().toList(),
        report.failures().stream().map(StepFailure::describe).sorted().toList());
  }

  /** Embedded stores, a clock and an audit log, with jobs defined at 12:01:30. */
  private static final class Lake {
    private final MutableClock clock = MutableClock.at("2026-11-26T12:01:30Z");
    private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final List<JobId> defined = new ArrayList<>();

    /** Every kind of due entry a tick meets, in turn: each job's work differs from the next's. */
    static Lake withMixedJobs(int count) {
      Lake lake = new Lake();
      for (int i = 0; i < count; i++) {
        String id = "job-" + i;
        switch (i % 6) {
          case 0 -> lake.define(anExtractionJob().id(id).build());
          case 1 -> lake.define(anExtractionJob().id(id).schedule("every 1m").build()); // skips
          case 2 -> lake.define(anExtractionJob().id(id).idWatermark().build());
          case 3 -> lake.define(aStreamingJob().id(id).build());
          case 4 -> {
            Job job = lake.define(anExtractionJob().id(id).build());
            lake.stores.state().updateJob(job.withPaused(true));
          }
          default -> {
            Job job = lake.define(anExtractionJob().id(id).build());
            lake.stores.state().deleteJob(job.id(), job.version());
          }
        }
      }
      return lake;
    }

    Job define(Job job) {
      Job stored = stores.state().createJob(job);
      new ScheduleEntries(stores.schedule(), stores.state()).reconcile(stored, clock.instant());
      defined.add(stored.id());
      return stored;
    }

    /** A scheduler whose job reads go through {@code beforeFindJob} first. */
    ExtractionScheduler scheduler(SchedulerSettings settings, Consumer<JobId> beforeFindJob) {
      AuditTrail trail = new AuditTrail(audit, DomainJson::write);
      return new ExtractionScheduler(
          stores.schedule(),
          watched(stores.state(), beforeFindJob),
          stores.state(),
          new StreamingKeeper(stores.schedule(), stores.state(), trail, settings),
          trail,
          settings);
    }

    TickReport tickAt(ExtractionScheduler scheduler, String isoInstant) {
      clock.set(Instant.parse(isoInstant));
      return scheduler.tick(clock.instant());
    }

    List<JobRun> runs() {
      Page<JobRun> page = stores.state().findRuns(RunQuery.ALL, PageRequest.first(500));
      assertThat(page.next()).isEmpty();
      return page.items().stream().sorted(Comparator.comparing(r -> r.id().value())).toList();
    }

    List<Optional<ScheduleEntry>> entries() {
      return defined.stream().map(id -> stores.schedule().findEntry(id)).toList();
    }

    /** The audit entries without their sequence numbers, which follow the order of writing. */
    List<String> audited() {
      return audit.entries().stream()
          .map(e -> e.action() + " " + e.entityId() + " " + e.before() + " " + e.after())
          .sorted()
          .toList();
    }
  }

  /**
   * {@code store}, with {@code beforeFindJob} run ahead of each job read: to wait, count or throw.
   */
  private static JobStore watched(JobStore store, Consumer<JobId> beforeFindJob) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("findJob")) {
            beforeFindJob.accept((JobId) args[0]);
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (JobStore)
        Proxy.newProxyInstance(
            JobStore.class.getClassLoader(), new Class<?>[] {JobStore.class}, handler);
  }

  /**
   * Counts job reads in flight. The first {@code expected} wait for each other, so that many must
   * be in flight at once for the tick to go on quickly; every read then lingers a little, so that
   * one beyond the bound would be seen in flight with them.
   */
  private static final class InFlight implements Consumer<JobId> {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final CountDownLatch together;

    InFlight(int expected) {
      this.together = new CountDownLatch(expected);
    }

    @Override
    public void accept(JobId id) {
      max.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        together.countDown();
        together.await(2, TimeUnit.SECONDS); // a sequential tick gets past only by timing out
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        now.decrementAndGet();
      }
    }

    int max() {
      return max.get();
    }
  }
}
