package io.lakeops.control.actions;

import static io.lakeops.control.actions.RunActionsFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.control.scheduling.ExtractionScheduler;
import io.lakeops.control.scheduling.ScheduleEntries;
import io.lakeops.control.scheduling.SchedulerSettings;
import io.lakeops.control.scheduling.StreamingKeeper;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.testdata.Racing;
import io.lakeops.testdata.TestJobs;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * "Run now": one run whose window continues the job's chain, with the scheduled windows before and
 * after it, checked against the scheduler's own tick.
 */
class RunNowActionTest {
  private static final JobId ORDERS = new JobId("orders-extract");

  private final RunActionsFixture f = new RunActionsFixture();
  private final ScheduleEntries entries =
      new ScheduleEntries(f.stores.schedule(), f.stores.state());

  private RunNowAction runNow(ScheduleStore schedule) {
    return new RunNowAction(f.stores.state(), f.stores.state(), schedule, f.audit, f.clock);
  }

  private final RunNowAction runNow = runNow(f.stores.schedule());

  private Job define(Job job) {
    Job stored = f.define(job);
    entries.reconcile(stored, f.clock.instant());
    return stored;
  }

  private void tickAt(String isoInstant) {
    f.clock.set(Instant.parse(isoInstant));
    SchedulerSettings settings = SchedulerSettings.DEFAULT;
    new ExtractionScheduler(
            f.stores.schedule(),
            f.stores.state(),
            f.stores.state(),
            new StreamingKeeper(f.stores.schedule(), f.stores.state(), f.audit, settings),
            f.audit,
            settings)
        .tick(f.clock.instant());
  }

  private RunNowAction.Started runNowAt(String isoInstant) {
    f.clock.set(Instant.parse(isoInstant));
    return runNow.runNow(ORDERS, OPERATOR);
  }

  @Test
  void aRunNowBetweenScheduledWindowsContinuesTheChainAndTheNextWindowStartsAtItsHigh() {
    define(TestJobs.anExtractionJob().build());
    tickAt("2026-11-26T12:05:01Z");
    tickAt("2026-11-26T12:10:01Z");

    JobRun now = runNowAt("2026-11-26T12:12:30.400Z").run();
    tickAt("2026-11-26T12:15:01Z");

    assertThat(now.id()).isEqualTo(new RunId("orders-extract~20261126t121230z"));
    assertThat(now.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(windows())
        .containsExactly(
            new InputWindow("2026-11-26T12:12:30Z", "2026-11-26T12:15:00Z"),
            new InputWindow("2026-11-26T12:10:00Z", "2026-11-26T12:12:30Z"),
            new InputWindow("2026-11-26T12:05:00Z", "2026-11-26T12:10:00Z"),
            new InputWindow("", "2026-11-26T12:05:00Z"));
    assertThat(entry().nextDueAt()).isEqualTo(Instant.parse("2026-11-26T12:20:00Z"));
    // The scheduled windows are the scheduler's (run.create); the run now is the operator's.
    assertThat(f.audited())
        .extracting(e -> e.actor() + " " + e.action())
        .containsExactlyInAnyOrder(
            "scheduler run.create",
            "scheduler run.create",
            "olga run.run-now",
            "scheduler run.create");
    var audited =
        f.audited().stream().filter(e -> e.action().equals("run.run-now")).findFirst().get();
    assertThat(audited.entityId()).isEqualTo(now.id().value());
    assertThat(audited.actor()).isEqualTo("olga");
    assertThat(audited.reason()).isEqualTo("ticket OPS-12");
  }

  @Test
  void theEntryKeepsItsDueTimeAndRecordsTheWindowHandedOut() {
    define(TestJobs.anExtractionJob().build());
    ScheduleEntry before = entry();

    runNowAt("2026-11-26T12:03:00Z");

    assertThat(entry().nextDueAt()).isEqualTo(before.nextDueAt());
    assertThat(entry().lastScheduledFor()).isEqualTo(Instant.parse("2026-11-26T12:03:00Z"));
    assertThat(entry().watermark()).isEqualTo("2026-11-26T12:03:00Z");
    assertThat(windows()).containsExactly(new InputWindow("", "2026-11-26T12:03:00Z"));
  }

  @Test
  void aPausedJobIsRefusedAndNothingChanges() {
    define(TestJobs.anExtractionJob().paused().build());
    ScheduleEntry before = entry();

    assertThatThrownBy(() -> runNowAt("2026-11-26T12:03:00Z"))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("is paused");
    assertThat(windows()).isEmpty();
    assertThat(entry()).isEqualTo(before);
    assertThat(f.audited()).isEmpty();
  }

  @Test
  void aScheduledWindowThatIsDueOrAboutToBeIsLeftToTheScheduler() {
    define(TestJobs.anExtractionJob().build());

    for (String at : List.of("2026-11-26T12:04:57Z", "2026-11-26T12:06:00Z")) {
      assertThatThrownBy(() -> runNowAt(at))
          .isInstanceOf(ActionRefusedException.class)
          .hasMessageContaining("is due at 2026-11-26T12:05:00Z");
    }
    assertThat(windows()).isEmpty();
  }

  @Test
  void twiceInOneSecondIsRefusedTheSecondTime() {
    define(TestJobs.anExtractionJob().build());
    runNowAt("2026-11-26T12:03:00.100Z");

    assertThatThrownBy(() -> runNowAt("2026-11-26T12:03:00.900Z"))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("handed out already");
    assertThat(windows()).hasSize(1);
  }

  @Test
  void anIdWindowWaitsForThePreviousHighAndTheNextWaitsForItsOwn() {
    define(TestJobs.anExtractionJob().idWatermark().build());
    tickAt("2026-11-26T12:05:01Z");

    assertThatThrownBy(() -> runNowAt("2026-11-26T12:07:00Z"))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("the previous window is still open");

    JobRun first = run("orders-extract~20261126t120500z");
    f.stores.state().updateRun(first.withWindowHigh("42"));
    JobRun now = runNowAt("2026-11-26T12:07:00Z").run();
    assertThat(now.window()).isEqualTo(new InputWindow("42", ""));

    tickAt("2026-11-26T12:10:01Z"); // run now's high is not fixed yet: the next window waits
    assertThat(windows()).hasSize(2);
    f.stores.state().updateRun(run(now.id().value()).withWindowHigh("97"));
    tickAt("2026-11-26T12:10:06Z");
    assertThat(windows().get(0)).isEqualTo(new InputWindow("97", ""));
  }

  /** The due index where another writer changes the entry just before run now's advance. */
  private RunNowAction racedBy(UnaryOperator<ScheduleEntry> change) {
    ScheduleStore store = f.stores.schedule();
    return runNow(
        Racing.once(
                ScheduleStore.class,
                store,
                "updateEntry",
                () -> store.updateEntry(change.apply(entry())))
            .port());
  }

  @Test
  void aChangedDueTimeIsKeptWhenTheDefinitionChangesAtTheSameMoment() {
    define(TestJobs.anExtractionJob().build());
    Instant later = Instant.parse("2026-11-26T12:30:00Z");
    RunNowAction raced = racedBy(e -> e.dueAt(later));
    f.clock.set(Instant.parse("2026-11-26T12:03:00Z"));

    raced.runNow(ORDERS, OPERATOR);

    assertThat(entry().nextDueAt()).isEqualTo(later);
    assertThat(entry().lastScheduledFor()).isEqualTo(Instant.parse("2026-11-26T12:03:00Z"));
  }

  @Test
  void aRunNowThatRacesAnotherWindowIsWithdrawnBeforeItCanOverlap() {
    define(TestJobs.anExtractionJob().build());
    Instant other = Instant.parse("2026-11-26T12:02:59Z");
    RunNowAction raced = racedBy(e -> e.advanced(e.nextDueAt(), other, other.toString()));
    f.clock.set(Instant.parse("2026-11-26T12:03:00Z"));

    assertThatThrownBy(() -> raced.runNow(ORDERS, OPERATOR))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("another window was handed out");
    assertThat(run("orders-extract~20261126t120300z").state()).isEqualTo(RunState.CANCELLED);
    assertThat(entry().lastScheduledFor()).isEqualTo(other);
    assertThat(f.audited())
        .extracting(e -> e.action())
        .containsExactly("run.run-now", "run.cancel");
  }

  @Test
  void aStoppedStreamingJobIsMadeDueNowForTheKeeper() {
    define(TestJobs.aStreamingJob().build());
    JobId clicks = new JobId("clicks-stream");
    ScheduleEntry parkedUntil = f.stores.schedule().findEntry(clicks).orElseThrow();
    f.stores.schedule().updateEntry(parkedUntil.dueAt(Instant.parse("2026-11-26T13:00:00Z")));

    RunNowAction.Started started = runNow.runNow(clicks, OPERATOR);

    assertThat(started.run()).isNull();
    assertThat(started.message()).contains("due now");
    assertThat(f.stores.schedule().findEntry(clicks).orElseThrow().nextDueAt())
        .isEqualTo(f.clock.instant());
    assertThat(f.audited()).extracting(e -> e.action()).containsExactly("job.run-now");
  }

  @Test
  void aLiveStreamingJobIsRefused() {
    define(TestJobs.aStreamingJob().build());
    JobId clicks = new JobId("clicks-stream");
    tickAt("2026-11-26T12:02:31Z"); // the keeper starts the first incarnation

    assertThatThrownBy(() -> runNow.runNow(clicks, OPERATOR))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("is already running");
  }

  private ScheduleEntry entry() {
    return f.stores.schedule().findEntry(ORDERS).orElseThrow();
  }

  private JobRun run(String id) {
    return f.stores.state().findRun(new RunId(id)).orElseThrow();
  }

  /** The job's windows, newest first. */
  private List<InputWindow> windows() {
    return f.stores.state().findRuns(RunQuery.byJob(ORDERS), PageRequest.first(50)).items().stream()
        .filter(r -> r.state() != RunState.CANCELLED)
        .map(JobRun::window)
        .toList();
  }
}
