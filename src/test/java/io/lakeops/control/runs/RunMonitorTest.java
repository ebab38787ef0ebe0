package io.lakeops.control.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RetryPolicy;
import io.lakeops.domain.RunResult;
import io.lakeops.domain.RunState;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.LakeReadException;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.SubmissionState;
import io.lakeops.testdata.TestRuns;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following submitted runs to their end, with manifests for what the endpoint forgot. */
class RunMonitorTest {
  private static final RunResult FIGURES =
      new RunResult(120, 120, "2026-11-26T11:59:58Z", "{}", "");

  private final RunLoopsFixture f = new RunLoopsFixture();
  private final Map<String, RunResults.Manifest> manifests = new HashMap<>();
  private final Set<String> unreadable = new HashSet<>();
  private final RunMonitor monitor =
      new RunMonitor(
          f.stores.state(),
          f.stores.state(),
          f.stores.state(),
          f.livy,
          run -> {
            if (unreadable.contains(run.id().value())) {
              throw new LakeReadException("s3://lake/" + run.id().value() + ".json: 503", null);
            }
            return Optional.ofNullable(manifests.get(run.id().value()));
          },
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
  void aFailedSubmissionSaysWhyInTheJobsOwnWordsOnTheRunAndInTheAudit() {
    String words = "SQLInvalidAuthorizationSpecException: Access denied for user 'extract'@'%'";
    manifests.put(run.id().value(), new RunResults.Manifest(false, words, null));
    f.livy.set("b1", SubmissionState.FAILED);

    monitor.poll(f.clock.instant());

    JobRun retry = f.reload(run);
    assertThat(retry.failures().kind()).isEqualTo(FailureKind.JOB);
    assertThat(retry.failures().message()).isEqualTo(words);
    AuditEntry recorded = f.audit.entries().get(f.audit.entries().size() - 1);
    assertThat(recorded.reason()).contains("Access denied for user 'extract'");
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

  @Test
  void aRunOnAFailedClusterIsLostAndRescheduledAtOnceAgainstTheInfrastructureBudget() {
    f.livy.set("b1", SubmissionState.RUNNING);
    monitor.poll(f.clock.instant());
    failCluster("small-1", "Livy exited with code 137");
    f.livy.unreachable(true); // its endpoint is gone with it

    assertThat(monitor.poll(f.clock.instant())).isEqualTo(1);

    JobRun moved = f.reload(run);
    assertThat(moved.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(moved.attempt()).isEqualTo(2);
    assertThat(moved.cluster()).as("free for any READY cluster").isNull();
    assertThat(moved.failures().kind()).isEqualTo(FailureKind.CLUSTER_LOST);
    assertThat(moved.failures().infrastructure()).isEqualTo(1);
    assertThat(moved.failures().job()).isZero();
    assertThat(f.rules.notBefore(moved, RetryPolicy.DEFAULT))
        .as("no backoff: another cluster takes it now")
        .isEqualTo(moved.updatedAt());
    AuditEntry recorded = f.audit.entries().get(f.audit.entries().size() - 1);
    assertThat(recorded.action()).isEqualTo("run.retry");
    assertThat(recorded.reason()).contains("cluster small-1 failed: Livy exited with code 137");

    f.readyCluster("small-2");
    f.livy.unreachable(false);
    f.dispatcher().dispatch(f.clock.instant());
    assertThat(f.reload(run).cluster().value()).isEqualTo("small-2");
    assertThat(f.livy.submittedNames()).endsWith(run.id().value() + "-a2");
  }

  @Test
  void aRunWhoseJobFinishedOnTheDyingClusterIsResolvedFromItsOwnManifestNotMoved() {
    failCluster("small-1", "killed");
    manifests.put(run.id().value(), new RunResults.Manifest(true, null, FIGURES));

    monitor.poll(f.clock.instant());

    JobRun done = f.reload(run);
    assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(done.attempt()).isEqualTo(1);
    assertThat(done.result()).isEqualTo(FIGURES);
  }

  @Test
  void aManifestThatCannotBeReadLeavesItsRunForTheNextPollAndTheOthersAreFollowed() {
    JobRun other =
        f.stores
            .state()
            .createRunIfAbsent(TestRuns.aRun().at("2026-11-26T11:00:00Z").build())
            .value();
    f.dispatcher().dispatch(f.clock.instant());
    for (JobRun each : List.of(run, other)) {
      f.livy.set(f.reload(each).submissionId(), SubmissionState.SUCCEEDED);
      manifests.put(each.id().value(), new RunResults.Manifest(true, null, FIGURES));
    }
    unreadable.add(run.id().value());

    assertThat(monitor.poll(f.clock.instant())).isEqualTo(1);

    assertThat(f.reload(other).state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(f.reload(run).state()).as("unchanged until read").isEqualTo(RunState.SUBMITTED);
    unreadable.clear();
    assertThat(monitor.poll(f.clock.instant())).isEqualTo(1);
    assertThat(f.reload(run).state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(f.reload(run).result()).isEqualTo(FIGURES);
  }

  private void failCluster(String id, String why) {
    var cluster = f.stores.state().findCluster(new ClusterId(id)).orElseThrow();
    f.stores.state().updateCluster(cluster.moveTo(ClusterState.FAILED, why, f.clock.instant()));
  }
}
