package io.lakeops.control.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.SourceUnavailableException;
import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.ports.SubmissionState;
import io.lakeops.testdata.Proxies;
import io.lakeops.testdata.TestRuns;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
    assertThat(f.audit.entries())
        .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::reason)
        .containsExactly(
            tuple(
                RunJournal.SCHEDULER, "run.submitted", "submitted as batch b1 on cluster small-1"));
  }

  @Test
  void withoutAReadyClusterARunStaysScheduled() {
    JobRun run = f.scheduledRun();

    assertThat(dispatcher.dispatch(f.clock.instant())).isZero();

    assertThat(f.reload(run).state()).isEqualTo(RunState.SCHEDULED);
    assertThat(f.livy.submittedNames()).isEmpty();
  }

  @Test
  void aBacklogIsNotReadRunByRunWhileNoClusterHasRoom() {
    f.scheduledRun();
    AtomicLong jobReads = new AtomicLong();
    JobStore counted = Proxies.counting(JobStore.class, f.stores.state(), jobReads);
    RunDispatcher watched = f.dispatcher(counted);

    assertThat(watched.dispatch(f.clock.instant())).isZero();
    assertThat(jobReads).hasValue(0);

    f.readyCluster("small-1");
    assertThat(watched.dispatch(f.clock.instant())).isEqualTo(1);
    assertThat(jobReads).hasPositiveValue();
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
  void aRunCancelledWhileItIsBeingSubmittedDoesNotKeepItsBatchRunning() {
    f.readyCluster("small-1");
    JobRun run = f.scheduledRun();
    SubmitRequests cancelledMeanwhile =
        (job, attempt, name) -> {
          f.stores.state().updateRun(f.reload(run).moveTo(RunState.CANCELLED, f.clock.instant()));
          return f.requests.forAttempt(job, attempt, name);
        };
    RunDispatcher racing =
        new RunDispatcher(
            f.pools,
            f.stores.state(),
            f.stores.state(),
            f.stores.state(),
            f.livy,
            cancelledMeanwhile,
            f.watermarks,
            f.rules,
            f.journal);

    assertThat(racing.dispatch(f.clock.instant())).isZero();

    assertThat(f.reload(run).state()).isEqualTo(RunState.CANCELLED);
    assertThat(f.livy.submittedNames()).hasSize(1);
    assertThat(f.livy.status("http://127.0.0.1:8998", "b1").state())
        .isEqualTo(SubmissionState.KILLED);
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
    assertThat(retry.failures().kind()).isEqualTo(FailureKind.INFRASTRUCTURE);
    assertThat(retry.failures().infrastructure()).isEqualTo(1);
    assertThat(retry.failures().job()).isZero();

    f.livy.unreachable(false);
    f.clock.advance(Duration.ofSeconds(20));
    assertThat(dispatcher.dispatch(f.clock.instant())).isZero(); // the 30 s backoff has not passed
    f.clock.advance(Duration.ofSeconds(11));
    assertThat(dispatcher.dispatch(f.clock.instant())).isEqualTo(1);
    assertThat(f.livy.submittedNames()).containsExactly("orders-extract~20261126t120000z-a2");
  }

  @Test
  void anIdWindowGetsItsHighFixedAtItsFirstSubmissionAndKeepsItForRetries() {
    JobRun run = f.idRunWithAReadyCluster("100");
    f.highestId = low -> "151"; // ids 100 … 150 are in the table
    f.livy.unreachable(true);

    dispatcher.dispatch(f.clock.instant());

    JobRun retry = f.reload(run);
    assertThat(retry.window()).isEqualTo(new InputWindow("100", "151"));
    assertThat(retry.attempt()).isEqualTo(2);

    f.highestId = low -> "999"; // more rows since: the retry still reads the same ones
    f.livy.unreachable(false);
    f.clock.advance(Duration.ofSeconds(31));
    assertThat(dispatcher.dispatch(f.clock.instant())).isEqualTo(1);

    assertThat(f.reload(run).window()).isEqualTo(new InputWindow("100", "151"));
    assertThat(f.sourceAsked).containsExactly("100");
    assertRequestedWindow("100", "151");
  }

  @Test
  void aFirstIdWindowAsksFromTheFirstRow() {
    JobRun run = f.idRunWithAReadyCluster("");
    f.highestId = low -> "42";

    assertThat(dispatcher.dispatch(f.clock.instant())).isEqualTo(1);

    assertThat(f.sourceAsked).containsExactly("");
    assertThat(f.reload(run).window()).isEqualTo(new InputWindow("", "42"));
  }

  @Test
  void anIdWindowWithNothingNewWaitsScheduledUntilTheSourceHasRows() {
    JobRun run =
        f.idRunWithAReadyCluster("151"); // the source answers with the low: nothing at or above it

    assertThat(dispatcher.dispatch(f.clock.instant())).isZero();

    JobRun waiting = f.reload(run);
    assertThat(waiting.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(waiting.window()).isEqualTo(new InputWindow("151", ""));
    assertThat(waiting.attempt()).isEqualTo(1);
    assertThat(f.livy.submittedNames()).isEmpty();

    f.highestId = low -> "160";
    assertThat(dispatcher.dispatch(f.clock.instant())).isEqualTo(1);
    assertThat(f.reload(run).window()).isEqualTo(new InputWindow("151", "160"));
  }

  @Test
  void aHighFixedByAnotherReplicaInTheMeantimeIsTheOneSubmitted() {
    JobRun run = f.idRunWithAReadyCluster("100");
    f.highestId =
        low -> {
          f.stores.state().updateRun(f.reload(run).withWindowHigh("140")); // the other one wins
          return "151";
        };

    assertThat(dispatcher.dispatch(f.clock.instant())).isEqualTo(1);

    JobRun submitted = f.reload(run);
    assertThat(submitted.state()).isEqualTo(RunState.SUBMITTED);
    assertThat(submitted.window()).isEqualTo(new InputWindow("100", "140"));
    assertRequestedWindow("100", "140");
  }

  @Test
  void anUnreachableSourceIsAnInfrastructureFailure() {
    JobRun run = f.idRunWithAReadyCluster("100");
    f.highestId =
        low -> {
          throw new SourceUnavailableException("source 'shop' did not answer", null);
        };

    dispatcher.dispatch(f.clock.instant());

    JobRun retry = f.reload(run);
    assertThat(retry.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(retry.attempt()).isEqualTo(2);
    assertThat(retry.failures().kind()).isEqualTo(FailureKind.INFRASTRUCTURE);
    assertThat(retry.failures().message()).contains("did not answer");
    assertThat(retry.window().high()).isEmpty();
    assertThat(f.livy.submittedNames()).isEmpty();
  }

  @Test
  void aRefusedSubmissionIsAJobFailure() {
    f.readyCluster("small-1");
    JobRun run = f.scheduledRun();
    RunDispatcher refusing =
        new RunDispatcher(
            f.pools,
            f.stores.state(),
            f.stores.state(),
            f.stores.state(),
            f.livy,
            (job, r, name) -> {
              throw new SubmissionRejectedException("no source named 'shop' is configured");
            },
            f.watermarks,
            f.rules,
            f.journal);

    refusing.dispatch(f.clock.instant());

    JobRun retry = f.reload(run);
    assertThat(retry.failures().kind()).isEqualTo(FailureKind.JOB);
    assertThat(retry.failures().job()).isEqualTo(1);
    assertThat(retry.failures().message()).contains("no source named 'shop'");
  }

  @Test
  void aTimestampWindowIsNeverAskedOfTheSource() {
    f.readyCluster("small-1");
    f.scheduledRun();

    assertThat(dispatcher.dispatch(f.clock.instant())).isEqualTo(1);

    assertThat(f.sourceAsked).isEmpty();
  }

  /** The one submission asked for had this window (the fixture's request carries it as args). */
  private void assertRequestedWindow(String low, String high) {
    assertThat(f.requested)
        .singleElement()
        .satisfies(r -> assertThat(r.args()).containsExactly(low, high));
  }

  @Test
  void aClusterTakesNoMoreRunsThanItsPoolAllowsAndTheRestWait() {
    f.readyCluster("small-1"); // the fixture's pool takes 2 runs per cluster
    for (String at :
        new String[] {"2026-11-26T12:00:00Z", "2026-11-26T12:05:00Z", "2026-11-26T12:10:00Z"}) {
      f.stores.state().createRunIfAbsent(TestRuns.aRun().at(at).build());
    }
    f.clock.set(java.time.Instant.parse("2026-11-26T12:10:05Z"));

    assertThat(f.dispatcher().dispatch(f.clock.instant())).isEqualTo(2);
    assertThat(f.dispatcher().dispatch(f.clock.instant())).as("still full").isZero();

    f.readyCluster("small-2");
    assertThat(f.dispatcher().dispatch(f.clock.instant())).isEqualTo(1);
    assertThat(f.livy.submittedNames()).hasSize(3);
  }
}
