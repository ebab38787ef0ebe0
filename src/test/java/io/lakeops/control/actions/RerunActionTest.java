package io.lakeops.control.actions;

import static io.lakeops.control.actions.RunActionsFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.control.audit.Attribution;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.NotFoundException;
import io.lakeops.testdata.TestJobs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An operator's re-run: same run, same window, a new attempt with fresh budgets; audited. */
class RerunActionTest {
  private final RunActionsFixture f = new RunActionsFixture();
  private final RerunAction rerun =
      new RerunAction(f.stores.state(), f.stores.state(), f.audit, f.clock);

  @Test
  void aFailedRunRunsAgainOverTheSameWindowAsANewAttemptWithFreshBudgets() {
    f.define(TestJobs.anExtractionJob().build());
    JobRun failed = f.failed(f.scheduled("orders-extract", "2026-11-26T12:00:00Z"), "exit 3");
    f.clock.advance(Duration.ofMinutes(1));

    JobRun again = rerun.rerun(failed.id(), OPERATOR);

    assertThat(again.id()).isEqualTo(failed.id());
    assertThat(again.window()).isEqualTo(failed.window());
    assertThat(again.attempt()).isEqualTo(failed.attempt() + 1);
    assertThat(again.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(again.failures().job()).isZero();
    assertThat(again.cluster()).isNull();
    assertThat(again.submissionId()).isNull();
    assertThat(f.reload(failed)).isEqualTo(again);
    AuditEntry entry = f.audited().get(0);
    assertThat(entry.action()).isEqualTo("run.rerun");
    assertThat(entry.entityKind()).isEqualTo(EntityKind.RUN);
    assertThat(entry.entityId()).isEqualTo(failed.id().value());
    assertThat(entry.actor()).isEqualTo("olga");
    assertThat(entry.reason()).isEqualTo("ticket OPS-12");
    assertThat(entry.version()).isEqualTo(again.version());
    assertThat(entry.at()).isEqualTo(again.updatedAt()); // the mirror recognises it as ours
    assertThat(entry.before()).contains("\"state\":\"FAILED\"");
    assertThat(entry.after()).contains("\"state\":\"SCHEDULED\"");
  }

  @Test
  void aRunningRunIsRefusedAndNothingChanges() {
    f.define(TestJobs.anExtractionJob().build());
    JobRun running =
        f.running(f.scheduled("orders-extract", "2026-11-26T12:00:00Z"), f.readyCluster("c1"));

    assertThatThrownBy(() -> rerun.rerun(running.id(), OPERATOR))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("is running; only a finished run");
    assertThat(f.reload(running)).isEqualTo(running);
    assertThat(f.audited()).isEmpty();
  }

  @Test
  void aRunOfAPausedJobIsRefusedBecauseItWouldOnlyWait() {
    f.define(TestJobs.anExtractionJob().paused().build());
    JobRun failed = f.failed(f.scheduled("orders-extract", "2026-11-26T12:00:00Z"), "exit 3");

    assertThatThrownBy(() -> rerun.rerun(failed.id(), OPERATOR))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("is paused; resume it first");
    assertThat(f.reload(failed)).isEqualTo(failed);
    assertThat(f.audited()).isEmpty();
  }

  @Test
  void anUnknownRunIsNotFound() {
    assertThatThrownBy(() -> rerun.rerun(new RunId("nope~20261126t120000z"), OPERATOR))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void streamingRunsAreLeftToTheKeeper() {
    f.define(TestJobs.aStreamingJob().build());
    JobRun stopped = f.failed(f.scheduled("clicks-stream", "2026-11-26T12:00:00Z"), "query died");

    assertThatThrownBy(() -> rerun.rerun(stopped.id(), OPERATOR))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("use Run now");
    assertThat(f.reload(stopped)).isEqualTo(stopped);
  }

  @Test
  void aHostileReasonIsKeptVerbatim() {
    f.define(TestJobs.anExtractionJob().build());
    JobRun failed = f.failed(f.scheduled("orders-extract", "2026-11-26T12:00:00Z"), "exit 3");
    String hostile = "<script>alert('x')</script> & \"quotes\" =cmd|' /C calc'!A0";

    rerun.rerun(failed.id(), new Attribution("olga", hostile));

    assertThat(f.audited().get(0).reason()).isEqualTo(hostile);
  }
}
