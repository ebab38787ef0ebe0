package io.lakeops.control.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Dispatching scheduled runs to READY clusters, with an in-memory submission endpoint. */
class RunDispatcherTest {
  private final RunLoopsFixture f = new RunLoopsFixture();
  private final RunDispatcher dispatcher = f.dispatcher();

  @Test
  void aScheduledRunGoesToAReadyClusterOfItsPoolNamedAfterItsAttempt() {
    f.readyCluster("small-1");
    JobRun run = f.scheduledRun();

    assertThat(dispatcher.dispatch(f.clock.instant())).isEqualTo(1);

    JobRun submitted = f.reload(run);
    assertThat(submitted.state()).isEqualTo(RunState.SUBMITTED);
    assertThat(submitted.cluster()).isEqualTo(new ClusterId("small-1"));
    assertThat(submitted.submissionId()).isEqualTo("b1");
    assertThat(f.livy.submittedNames()).containsExactly("orders-extract~20261126t120000z-a1");
    assertThat(dispatcher.dispatch(f.clock.instant())).isZero(); // nothing submitted twice
  }

  @Test
  void withoutAReadyClusterARunStaysScheduled() {
    JobRun run = f.scheduledRun();

    assertThat(dispatcher.dispatch(f.clock.instant())).isZero();

    assertThat(f.reload(run).state()).isEqualTo(RunState.SCHEDULED);
    assertThat(f.livy.submittedNames()).isEmpty();
  }

  @Test
  void theRunsOfAPausedJobStayScheduled() {
    f.readyCluster("small-1");
    JobRun run = f.scheduledRun();
    var job = f.stores.state().findJob(run.jobId()).orElseThrow();
    f.stores.state().updateJob(job.withPaused(true));

    assertThat(dispatcher.dispatch(f.clock.instant())).isZero();
    assertThat(f.reload(run).state()).isEqualTo(RunState.SCHEDULED);
  }

  @Test
  void afterARestartARunReattachesToItsSubmissionInsteadOfSubmittingAgain() {
    f.readyCluster("small-1");
    JobRun run = f.scheduledRun();
    f.livy.known("orders-extract~20261126t120000z-a1"); // submitted before the crash

    dispatcher.dispatch(f.clock.instant());

    assertThat(f.livy.submittedNames()).isEmpty();
    assertThat(f.reload(run).submissionId()).isEqualTo("b1");
  }

  @Test
  void anUnreachableEndpointIsAnInfrastructureFailureRetriedAfterItsBackoff() {
    f.readyCluster("small-1");
    JobRun run = f.scheduledRun();
    f.livy.unreachable(true);

    dispatcher.dispatch(f.clock.instant());

    JobRun retry = f.reload(run);
    assertThat(retry.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(retry.attempt()).isEqualTo(2);
    assertThat(retry.failureKind()).isEqualTo(FailureKind.INFRASTRUCTURE);
    assertThat(retry.infrastructureFailures()).isEqualTo(1);
    assertThat(retry.jobFailures()).isZero();

    f.livy.unreachable(false);
    f.clock.advance(Duration.ofSeconds(20));
    assertThat(dispatcher.dispatch(f.clock.instant())).isZero(); // the 30 s backoff has not passed
    f.clock.advance(Duration.ofSeconds(11));
    assertThat(dispatcher.dispatch(f.clock.instant())).isEqualTo(1);
    assertThat(f.livy.submittedNames()).containsExactly("orders-extract~20261126t120000z-a2");
  }
}
