package io.lakeops.control.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.FailureKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.SubmissionState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following submitted runs to their end, with manifests for what the endpoint forgot. */
class RunMonitorTest {
  private static final RunResult FIGURES =
      new RunResult(120, 120, "2026-11-26T11:59:58Z", "{}", "");

  private final RunLoopsFixture f = new RunLoopsFixture();
  private final Map<String, RunResults.Manifest> manifests = new HashMap<>();
  private final RunMonitor monitor =
      new RunMonitor(
          f.stores.state(),
          f.stores.state(),
          f.stores.state(),
          f.livy,
          run -> Optional.ofNullable(manifests.get(run.id().value())),
          f.rules,
          f.journal);
  private JobRun run;

  @BeforeEach
  void submitted() {
    f.readyCluster("small-1");
    run = f.scheduledRun();
    f.dispatcher().dispatch(f.clock.instant());
  }

  @Test
  void aRunningSubmissionMakesTheRunRunningAndSuccessStoresTheManifestFigures() {
    f.livy.set("b1", SubmissionState.RUNNING);
    assertThat(monitor.poll(f.clock.instant())).isEqualTo(1);
    assertThat(f.reload(run).state()).isEqualTo(RunState.RUNNING);

    f.livy.set("b1", SubmissionState.SUCCEEDED);
    manifests.put(run.id().value(), new RunResults.Manifest(true, null, FIGURES));
    monitor.poll(f.clock.instant());

    assertThat(f.reload(run).state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(f.reload(run).result()).isEqualTo(FIGURES);
  }

  @Test
  void aFailedSubmissionIsAJobFailureAndIsRetriedWithinTheJobBudget() {
    f.livy.set("b1", SubmissionState.FAILED);

    monitor.poll(f.clock.instant());

    JobRun retry = f.reload(run);
    assertThat(retry.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(retry.attempt()).isEqualTo(2);
    assertThat(retry.failures().kind()).isEqualTo(FailureKind.JOB);
    assertThat(retry.failures().job()).isEqualTo(1);
    assertThat(retry.failures().infrastructure()).isZero();
    AuditEntry recorded = f.audit.entries().get(f.audit.entries().size() - 1);
    assertThat(recorded.actor()).isEqualTo(RunJournal.SCHEDULER);
    assertThat(recorded.action()).isEqualTo("run.retry");
    assertThat(recorded.version()).isEqualTo(retry.version()); // the mirror knows it as ours
    assertThat(recorded.reason())
        .startsWith("batch b1 failed: exited with an error")
        .contains("job retry 1, not before");
  }

  @Test
  void aForgottenSubmissionIsResolvedFromItsManifest() {
    f.livy.forget("b1");
    manifests.put(run.id().value(), new RunResults.Manifest(true, null, FIGURES));

    monitor.poll(f.clock.instant());

    assertThat(f.reload(run).state()).isEqualTo(RunState.SUCCEEDED);
  }

  @Test
  void aForgottenSubmissionWithoutAManifestIsLostAndRetriedAsInfrastructure() {
    f.livy.forget("b1");

    monitor.poll(f.clock.instant());

    JobRun retry = f.reload(run);
    assertThat(retry.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(retry.failures().kind()).isEqualTo(FailureKind.INFRASTRUCTURE);
    assertThat(retry.failures().infrastructure()).isEqualTo(1);
  }
}
