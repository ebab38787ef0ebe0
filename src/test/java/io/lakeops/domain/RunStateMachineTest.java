package io.lakeops.domain;

import static io.lakeops.testdata.TestRuns.aRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunStateMachineTest {
  private final Instant t = Instant.parse("2026-11-26T12:01:00Z");

  @ParameterizedTest
  @CsvSource({
    "SCHEDULED, RUNNING",
    "SCHEDULED, SUCCEEDED",
    "SUBMITTED, SCHEDULED",
    "RUNNING, SUBMITTED",
    "SUCCEEDED, RUNNING",
    "CANCELLED, SUBMITTED",
    "LOST, RUNNING"
  })
  void illegalTransitionsAreRefused(RunState from, RunState to) {
    assertThat(from.canMoveTo(to)).isFalse();
  }

  @Test
  void aRunGoesThroughItsLifeAndAnIllegalStepIsAnError() {
    JobRun run = aRun().build();
    JobRun submitted = run.submitted(new ClusterId("small-1"), "17", t);
    JobRun running = submitted.moveTo(RunState.RUNNING, t.plusSeconds(5));
    JobRun done = running.succeeded(new RunResult(3, 3, "w", "{}", ""), t.plusSeconds(60));

    assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(done.timings().started()).isEqualTo(t.plusSeconds(5));
    assertThat(done.timings().finished()).isEqualTo(t.plusSeconds(60));
    assertThatThrownBy(() -> run.moveTo(RunState.RUNNING, t))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("SCHEDULED to RUNNING");
  }

  @Test
  void aLostRunStartsANewAttemptOverTheSameWindowAndCountsAnInfrastructureFailure() {
    JobRun run = aRun().build();
    JobRun lost =
        run.submitted(new ClusterId("small-1"), "17", t)
            .failed(RunState.LOST, FailureKind.INFRASTRUCTURE, "spot capacity reclaimed", t);
    JobRun again = lost.moveTo(RunState.SCHEDULED, t.plusSeconds(1));

    assertThat(lost.failures().infrastructure()).isEqualTo(1);
    assertThat(lost.failures().job()).isZero();
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(again.cluster()).isNull();
    assertThat(again.submissionId()).isNull();
    assertThat(again.window()).isEqualTo(run.window());
    assertThat(again.id()).isEqualTo(run.id());
  }

  @Test
  void onlySubmittedAndRunningOccupyACluster() {
    for (RunState state : RunState.values()) {
      assertThat(state.occupiesCluster())
          .isEqualTo(state == RunState.SUBMITTED || state == RunState.RUNNING);
    }
  }

  @Test
  void clusterStatesAllowOnlyTheirLifecycle() {
    Cluster cluster = Cluster.requested(new ClusterId("c1"), new PoolName("small"), t);
    Cluster ready =
        cluster
            .moveTo(ClusterState.STARTING, "bootstrapping", t)
            .moveTo(ClusterState.READY, "waiting", t.plusSeconds(300));

    assertThat(ready.readyAt()).isEqualTo(t.plusSeconds(300));
    assertThat(ready.state().acceptsRuns()).isTrue();
    assertThatThrownBy(() -> ready.moveTo(ClusterState.STARTING, "again", t))
        .isInstanceOf(IllegalTransitionException.class);
    Cluster dead = ready.moveTo(ClusterState.FAILED, "spot loss", t.plusSeconds(400));
    assertThat(dead.endedAt()).isEqualTo(t.plusSeconds(400));
    assertThat(dead.state().next()).isEmpty();
  }

  @Test
  void anOperatorsRerunIsANewAttemptOverTheSameWindowWithFreshBudgets() {
    JobRun failed =
        aRun()
            .build()
            .submitted(new ClusterId("small-1"), "17", t)
            .failed(RunState.FAILED, FailureKind.JOB, "key_unique failed", t);
    JobRun again = failed.rerun(t.plusSeconds(30));

    assertThat(again.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(again.window()).isEqualTo(failed.window());
    assertThat(again.failures().job()).isZero();
    assertThat(again.failures().kind()).isNull();
    assertThat(again.failures().message()).isNull();
    assertThatThrownBy(() -> again.rerun(t)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void anIdWindowsHighIsFixedOnceAndNeverMoves() {
    JobRun open = aRun().build();
    JobRun unfixed =
        new JobRun(
            open.id(),
            open.jobId(),
            open.scheduledFor(),
            new InputWindow("10", ""),
            1,
            RunState.SCHEDULED,
            null,
            null,
            JobRun.Failures.NONE,
            new JobRun.Timings(t, null, null),
            null,
            0,
            null);

    JobRun fixed = unfixed.withWindowHigh("251");

    assertThat(fixed.window()).isEqualTo(new InputWindow("10", "251"));
    assertThatThrownBy(() -> fixed.withWindowHigh("300"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already has a fixed window");
  }
}
