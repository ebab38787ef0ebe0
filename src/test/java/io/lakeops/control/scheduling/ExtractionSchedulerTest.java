package io.lakeops.control.scheduling;

import static io.lakeops.testdata.TestJobs.anExtractionJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The extraction side of a scheduler tick, over the embedded stores with a hand-moved clock. */
class ExtractionSchedulerTest {
  private static final SchedulerSettings SETTINGS =
      new SchedulerSettings(3, 2, Duration.ofMinutes(1), 3, Duration.ofMinutes(30), 1);
  private static final JobId ORDERS = new JobId("orders-extract");

  private final MutableClock clock = MutableClock.at("2026-11-26T12:01:30Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final ScheduleEntries entries = new ScheduleEntries(stores.schedule(), stores.state());

  private ExtractionScheduler scheduler(ScheduleStore schedule) {
    AuditTrail trail = new AuditTrail(audit, DomainJson::write);
    return new ExtractionScheduler(
        schedule,
        stores.state(),
        stores.state(),
        new StreamingKeeper(schedule, stores.state(), trail, SETTINGS),
        trail,
        SETTINGS);
  }

  private final ExtractionScheduler scheduler = scheduler(stores.schedule());

  @AfterEach
  void stopWorkers() {
    scheduler.close();
  }

  private Job define(Job job) {
    Job stored = stores.state().createJob(job);
    entries.reconcile(stored, clock.instant());
    return stored;
  }

  private TickReport tickAt(String isoInstant) {
    clock.set(Instant.parse(isoInstant));
    return scheduler.tick(clock.instant());
  }

  @Test
  void eachDueWindowMakesOneRunWhoseWindowStartsAtThePreviousHigh() {
    define(anExtractionJob().build());

    assertThat(tickAt("2026-11-26T12:04:59Z").entriesRead()).isZero();
    assertThat(tickAt("2026-11-26T12:05:01Z").runsCreated()).isEqualTo(1);
    assertThat(tickAt("2026-11-26T12:05:30Z").entriesRead()).isZero(); // a re-tick: not due
    assertThat(tickAt("2026-11-26T12:10:02Z").runsCreated()).isEqualTo(1);

    assertThat(run("2026-11-26T12:05:00Z").window())
        .isEqualTo(new InputWindow("", "2026-11-26T12:05:00Z"));
    assertThat(run("2026-11-26T12:10:00Z").window())
        .isEqualTo(new InputWindow("2026-11-26T12:05:00Z", "2026-11-26T12:10:00Z"));
    assertThat(entry().nextDueAt()).isEqualTo(Instant.parse("2026-11-26T12:15:00Z"));
  }

  @Test
  void theRunsOfAPageAreAuditedTogetherOncePerPage() {
    for (int i = 1; i <= 5; i++) {
      define(anExtractionJob().id("job-" + i).build());
    }

    assertThat(tickAt("2026-11-26T12:05:01Z").runsCreated()).isEqualTo(5);

    assertThat(audit.entries())
        .filteredOn(e -> e.action().equals("run.create"))
        .extracting(AuditEntry::entityId)
        .containsExactlyInAnyOrder(
            "job-1~20261126t120500z",
            "job-2~20261126t120500z",
            "job-3~20261126t120500z",
            "job-4~20261126t120500z",
            "job-5~20261126t120500z");
    // Pages of two (SETTINGS): one write per page, none left behind.
    assertThat(audit.batches()).containsExactly(2, 2, 1);
  }

  @Test
  void aReplicaActingOnAStaleReadDuplicatesNothingAndLosesTheAdvance() {
    define(anExtractionJob().build());
    clock.set(Instant.parse("2026-11-26T12:05:01Z"));
    Page<ScheduleEntry> stale = stores.schedule().findDue(clock.instant(), PageRequest.first(10));
    TickReport late;
    try (ExtractionScheduler other = scheduler(new StaleDue(stores.schedule(), stale))) {
      assertThat(scheduler.tick(clock.instant()).runsCreated()).isEqualTo(1);
      late = other.tick(clock.instant());
    }

    assertThat(late.runsCreated()).isZero();
    assertThat(late.conflicts()).isEqualTo(1);
    assertThat(allRuns()).hasSize(1);
    assertThat(entry().version()).isEqualTo(2);
  }

  @Test
  void windowsMissedWhileDownAreCaughtUpInOrderUpToTheCapAndTheRestReported() {
    define(anExtractionJob().build());
    tickAt("2026-11-26T12:05:01Z");

    TickReport back = tickAt("2026-11-26T13:02:00Z"); // down for 11 windows; the cap is 3

    assertThat(back.runsCreated()).isEqualTo(3);
    assertThat(allRuns())
        .extracting(r -> r.scheduledFor().toString())
        .containsExactly(
            "2026-11-26T13:00:00Z",
            "2026-11-26T12:55:00Z",
            "2026-11-26T12:50:00Z",
            "2026-11-26T12:05:00Z");
    // The first window kept starts where the chain stood, so the skipped windows' rows are in it.
    assertThat(run("2026-11-26T12:50:00Z").window())
        .isEqualTo(new InputWindow("2026-11-26T12:05:00Z", "2026-11-26T12:50:00Z"));
    assertThat(back.skipped()).hasSize(1);
    assertThat(entry().alert())
        .contains("skipped 8 missed windows 2026-11-26T12:10:00Z to 2026-11-26T12:45:00Z");
    assertThat(audit.entries())
        .extracting(e -> e.action())
        .containsOnly("run.create", "schedule.skip") // one per run made, one for the skip
        .containsOnlyOnce("schedule.skip");
    assertThat(entry().nextDueAt()).isEqualTo(Instant.parse("2026-11-26T13:05:00Z"));
  }

  @Test
  void aJobPausedOrDeletedBehindTheServicesBackHasItsEntryParkedOrRemoved() {
    Job orders = define(anExtractionJob().build());
    Job users = define(anExtractionJob().id("users-extract").build());
    stores.state().updateJob(orders.withPaused(true));
    stores.state().deleteJob(users.id(), users.version());

    TickReport report = tickAt("2026-11-26T12:05:01Z");

    assertThat(report.entriesRead()).isEqualTo(2);
    assertThat(report.runsCreated()).isZero();
    assertThat(entry().isParked()).isTrue();
    assertThat(stores.schedule().findEntry(users.id())).isEmpty();
  }

  @Test
  void anIdWindowLeavesItsHighOpenAndTheNextWindowWaitsUntilItIsKnown() {
    define(anExtractionJob().idWatermark().build());
    tickAt("2026-11-26T12:05:01Z");
    assertThat(run("2026-11-26T12:05:00Z").window()).isEqualTo(new InputWindow("", ""));

    assertThat(tickAt("2026-11-26T12:10:01Z").runsCreated()).isZero();
    assertThat(entry().nextDueAt()).isEqualTo(Instant.parse("2026-11-26T12:10:00Z"));

    JobRun first = run("2026-11-26T12:05:00Z");
    JobRun running =
        stores.state().updateRun(first.submitted(new ClusterId("small-1"), "7", clock.instant()));
    stores
        .state()
        .updateRun(running.succeeded(new RunResult(10, 10, "4711", "{}", ""), clock.instant()));
    assertThat(tickAt("2026-11-26T12:10:05Z").runsCreated()).isEqualTo(1);
    assertThat(run("2026-11-26T12:10:00Z").window()).isEqualTo(new InputWindow("4711", ""));
    assertThat(run("2026-11-26T12:10:00Z").state()).isEqualTo(RunState.SCHEDULED);
  }

  private ScheduleEntry entry() {
    return stores.schedule().findEntry(ORDERS).orElseThrow();
  }

  private JobRun run(String scheduledFor) {
    return stores.state().findRun(RunId.of(ORDERS, Instant.parse(scheduledFor))).orElseThrow();
  }

  private List<JobRun> allRuns() {
    return stores.state().findRuns(RunQuery.ALL, PageRequest.first(100)).items();
  }

  /** A due index whose reads are stale: what a replica sees when another acts in between. */
  private record StaleDue(ScheduleStore store, Page<ScheduleEntry> stale) implements ScheduleStore {
    @Override
    public Page<ScheduleEntry> findDue(Instant now, PageRequest page) {
      return stale;
    }

    @Override
    public Optional<ScheduleEntry> findEntry(JobId job) {
      return store.findEntry(job);
    }

    @Override
    public ScheduleEntry createEntry(ScheduleEntry entry) {
      return store.createEntry(entry);
    }

    @Override
    public ScheduleEntry updateEntry(ScheduleEntry entry) {
      return store.updateEntry(entry);
    }

    @Override
    public void deleteEntry(JobId job, long expectedVersion) {
      store.deleteEntry(job, expectedVersion);
    }
  }
}
