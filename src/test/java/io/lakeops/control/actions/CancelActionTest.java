package io.lakeops.control.actions;

import static io.lakeops.control.actions.RunActionsFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.control.runs.RetryRules;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RetryPolicy;
import io.lakeops.domain.RunState;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.SubmissionState;
import io.lakeops.ports.VersionConflictException;
import io.lakeops.testdata.Racing;
import io.lakeops.testdata.TestJobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator's cancel: the run is CANCELLED for good, its batch killed where possible. */
class CancelActionTest {
  private final RunActionsFixture f = new RunActionsFixture();
  private final CancelAction cancel =
      new CancelAction(f.stores.state(), f.stores.state(), f.livy, f.audit, f.clock);

  @BeforeEach
  void job() {
    f.define(TestJobs.anExtractionJob().build());
  }

  @Test
  void aRunningRunIsCancelledItsBatchKilledAndWhoAndWhyRecorded() {
    JobRun running =
        f.running(f.scheduled("orders-extract", "2026-11-26T12:00:00Z"), f.readyCluster("c1"));

    CancelAction.Cancelled done = cancel.cancel(running.id(), OPERATOR);

    assertThat(done.run().state()).isEqualTo(RunState.CANCELLED);
    assertThat(done.run().timings().finished()).isEqualTo(f.clock.instant());
    assertThat(f.reload(running)).isEqualTo(done.run());
    assertThat(f.livy.status(RunActionsFixture.ENDPOINT, running.submissionId()).state())
        .isEqualTo(SubmissionState.KILLED);
    assertThat(done.batch()).isEqualTo("batch b1 on cluster c1 killed");
    AuditEntry entry = f.audited().get(0);
    assertThat(entry.action()).isEqualTo("run.cancel");
    assertThat(entry.actor()).isEqualTo("olga");
    assertThat(entry.reason()).isEqualTo("ticket OPS-12 [batch b1 on cluster c1 killed]");
    assertThat(entry.before()).contains("\"state\":\"RUNNING\"");
    assertThat(entry.after()).contains("\"state\":\"CANCELLED\"");
    // Cancelled is final: the retry rules never bring it back.
    assertThat(new RetryRules().decide(done.run(), RetryPolicy.DEFAULT))
        .isInstanceOf(RetryRules.GiveUp.class);
  }

  @Test
  void anUnreachableClusterDoesNotStopTheCancelAndTheAuditSaysSo() {
    JobRun running =
        f.running(f.scheduled("orders-extract", "2026-11-26T12:00:00Z"), f.readyCluster("c1"));
    f.livy.unreachable(true);

    CancelAction.Cancelled done = cancel.cancel(running.id(), OPERATOR);

    assertThat(f.reload(running).state()).isEqualTo(RunState.CANCELLED);
    assertThat(done.batch()).contains("not killed, the cluster did not answer");
    assertThat(f.audited().get(0).reason())
        .startsWith("ticket OPS-12 [batch b1 on cluster c1 not killed");
  }

  @Test
  void aScheduledRunHasNothingToKillAndKeepsTheReasonAsTyped() {
    JobRun scheduled = f.scheduled("orders-extract", "2026-11-26T12:00:00Z");

    CancelAction.Cancelled done = cancel.cancel(scheduled.id(), OPERATOR);

    assertThat(done.run().state()).isEqualTo(RunState.CANCELLED);
    assertThat(done.batch()).isEqualTo("nothing had been submitted");
    assertThat(f.audited().get(0).reason()).isEqualTo("ticket OPS-12");
  }

  @Test
  void aFinishedRunIsRefusedAndNothingChanges() {
    JobRun failed = f.failed(f.scheduled("orders-extract", "2026-11-26T12:00:00Z"), "exit 3");

    assertThatThrownBy(() -> cancel.cancel(failed.id(), OPERATOR))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("is failed; only a scheduled, submitted or running run");
    assertThat(f.reload(failed)).isEqualTo(failed);
    assertThat(f.audited()).isEmpty();
  }

  @Test
  void aRunThatMovesWhileBeingCancelledIsReadAgainAndItsNewBatchKilled() {
    JobRun scheduled = f.scheduled("orders-extract", "2026-11-26T12:00:00Z");
    var cluster = f.readyCluster("c1");
    // The dispatcher submits the run between the cancel's read and its write.
    Racing<RunStore> racing =
        Racing.once(
            RunStore.class,
            f.stores.state(),
            "updateRun",
            () -> f.running(f.reload(scheduled), cluster));
    CancelAction raced =
        new CancelAction(racing.port(), f.stores.state(), f.livy, f.audit, f.clock);

    CancelAction.Cancelled done = raced.cancel(scheduled.id(), OPERATOR);

    assertThat(racing.races()).isEqualTo(1);
    assertThat(done.run().state()).isEqualTo(RunState.CANCELLED);
    assertThat(done.batch()).endsWith("killed");
    assertThat(f.livy.status("any", done.run().submissionId()).state())
        .isEqualTo(SubmissionState.KILLED);
  }

  @Test
  void aConflictThatNeverEndsIsReported() {
    JobRun scheduled = f.scheduled("orders-extract", "2026-11-26T12:00:00Z");
    RunStore runs = f.stores.state();
    Racing<RunStore> always =
        Racing.always(RunStore.class, runs, "updateRun", () -> runs.updateRun(f.reload(scheduled)));
    CancelAction raced =
        new CancelAction(always.port(), f.stores.state(), f.livy, f.audit, f.clock);

    assertThatThrownBy(() -> raced.cancel(scheduled.id(), OPERATOR))
        .isInstanceOf(VersionConflictException.class);
    assertThat(always.races()).isEqualTo(5);
    assertThat(f.reload(scheduled).state()).isEqualTo(RunState.SCHEDULED);
  }
}
