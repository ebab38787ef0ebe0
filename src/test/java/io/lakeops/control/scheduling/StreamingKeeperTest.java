package io.lakeops.control.scheduling;

import static io.lakeops.testdata.TestJobs.aStreamingJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.InMemoryAuditLog;
import io.lakeops.testdata.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One live run per streaming job, restarts with backoff, and the restart-loop flag. */
class StreamingKeeperTest {
  private static final SchedulerSettings SETTINGS =
      new SchedulerSettings(3, 10, Duration.ofMinutes(1), 3, Duration.ofMinutes(30), 1);
  private static final JobId CLICKS = new JobId("clicks-stream");

  private final MutableClock clock = MutableClock.at("2026-11-26T12:01:30Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private ExtractionScheduler scheduler;

  @BeforeEach
  void setUp() {
    AuditTrail trail = new AuditTrail(audit, DomainJson::write);
    scheduler =
        new ExtractionScheduler(
            stores.schedule(),
            stores.state(),
            stores.state(),
            new StreamingKeeper(stores.schedule(), stores.state(), trail, SETTINGS),
            trail,
            SETTINGS);
    new ScheduleEntries(stores.schedule(), stores.state())
        .reconcile(stores.state().createJob(aStreamingJob().build()), clock.instant());
  }

  @AfterEach
  void stopWorkers() {
    scheduler.close();
  }

  @Test
  void aStreamingJobGetsOneRunAtOnceAndALiveRunIsLeftAlone() {
    assertThat(tickAt("2026-11-26T12:01:30Z").runsCreated()).isEqualTo(1);
    assertThat(tickAt("2026-11-26T12:02:31Z").runsCreated()).isZero();
    assertThat(tickAt("2026-11-26T12:03:32Z").runsCreated()).isZero();

    assertThat(runs()).hasSize(1);
    assertThat(runs().get(0).window()).isEqualTo(InputWindow.NONE);
    assertThat(entry().nextDueAt()).isEqualTo(Instant.parse("2026-11-26T12:04:32Z"));
  }

  @Test
  void aStoppedRunIsRestartedAfterABackoffAndRepeatedRestartsAreFlagged() {
    tickAt("2026-11-26T12:01:30Z");
    stopNewestAt("2026-11-26T12:02:00Z");
    assertThat(tickAt("2026-11-26T12:02:31Z").runsCreated()).isEqualTo(1); // 30 s backoff passed

    stopNewestAt("2026-11-26T12:03:00Z");
    assertThat(tickAt("2026-11-26T12:03:31Z").runsCreated()).isZero(); // second restart: 60 s
    assertThat(entry().nextDueAt()).isEqualTo(Instant.parse("2026-11-26T12:04:00Z"));
    assertThat(tickAt("2026-11-26T12:04:01Z").runsCreated()).isEqualTo(1);
    assertThat(entry().alert()).isNull();

    stopNewestAt("2026-11-26T12:04:30Z");
    assertThat(tickAt("2026-11-26T12:05:01Z").runsCreated()).isZero(); // third: 120 s
    assertThat(tickAt("2026-11-26T12:06:31Z").runsCreated()).isEqualTo(1);

    assertThat(runs()).hasSize(4);
    assertThat(entry().alert()).startsWith("restart loop: 3 restarts within PT30M");
    assertThat(audit.entries())
        .filteredOn(e -> !e.action().equals("run.create")) // each incarnation, as the scheduler's
        .extracting(e -> e.action())
        .containsExactly("job.restart-loop");
    assertThat(audit.entries())
        .filteredOn(e -> e.action().equals("run.create"))
        .extracting(e -> e.reason())
        .first()
        .isEqualTo("streaming job started");
    assertThat(runs().get(0).state()).isEqualTo(RunState.SCHEDULED);
  }

  private TickReport tickAt(String isoInstant) {
    clock.set(Instant.parse(isoInstant));
    return scheduler.tick(clock.instant());
  }

  private void stopNewestAt(String isoInstant) {
    clock.set(Instant.parse(isoInstant));
    JobRun newest = runs().get(0);
    stores
        .state()
        .updateRun(newest.failed(RunState.FAILED, FailureKind.JOB, "exit 1", clock.instant()));
  }

  private ScheduleEntry entry() {
    return stores.schedule().findEntry(CLICKS).orElseThrow();
  }

  private List<JobRun> runs() {
    return stores.state().findRuns(RunQuery.byJob(CLICKS), PageRequest.first(100)).items();
  }
}
