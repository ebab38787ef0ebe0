package io.lakeops.control.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.control.runs.RetryRules.GiveUp;
import io.lakeops.control.runs.RetryRules.Retry;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RetryPolicy;
import io.lakeops.domain.RunState;
import io.lakeops.testdata.TestRuns;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry decisions: separate budgets per kind of failure, backoff, and what is never retried. */
class RetryRulesTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(2, 1, Duration.ofSeconds(30), Duration.ofMinutes(10));
  private static final Instant T = Instant.parse("2026-11-26T12:10:00Z");

  private final RetryRules rules = new RetryRules();

  @Test
  void aJobFailureAndAnInfrastructureFailureUseSeparateBudgets() {
    JobRun run = TestRuns.aRun().build();

    run = end(run, RunState.FAILED, FailureKind.JOB, T);
    assertThat(rules.decide(run, POLICY))
        .isEqualTo(new Retry(FailureKind.JOB, 1, T.plusSeconds(30)));
    run = rules.apply(run, rules.decide(run, POLICY), T);
    assertThat(run.attempt()).isEqualTo(2);

    // The job budget (1 retry) is used; infrastructure failures still have their own 2.
    run = end(run, RunState.FAILED, FailureKind.INFRASTRUCTURE, T.plusSeconds(100));
    assertThat(rules.decide(run, POLICY))
        .isEqualTo(new Retry(FailureKind.INFRASTRUCTURE, 1, T.plusSeconds(130)));
    run = rules.apply(run, rules.decide(run, POLICY), T.plusSeconds(100));
    run = end(run, RunState.FAILED, FailureKind.INFRASTRUCTURE, T.plusSeconds(200));
    assertThat(rules.decide(run, POLICY))
        .isEqualTo(new Retry(FailureKind.INFRASTRUCTURE, 2, T.plusSeconds(260)));
    run = rules.apply(run, rules.decide(run, POLICY), T.plusSeconds(200));

    // A second job failure exhausts the job budget, however many infrastructure retries are left.
    JobRun jobAgain = end(run, RunState.FAILED, FailureKind.JOB, T.plusSeconds(300));
    assertThat(rules.decide(jobAgain, POLICY)).isInstanceOf(GiveUp.class);
    assertThat(rules.apply(jobAgain, rules.decide(jobAgain, POLICY), T)).isEqualTo(jobAgain);

    // A third infrastructure failure exhausts that budget.
    JobRun infraAgain = end(run, RunState.FAILED, FailureKind.INFRASTRUCTURE, T.plusSeconds(300));
    assertThat(((GiveUp) rules.decide(infraAgain, POLICY)).why())
        .isEqualTo("infrastructure retries used up: 3 failures, 2 retries allowed");
  }

  @Test
  void aLostAttemptCountsAgainstTheInfrastructureBudget() {
    JobRun lost = end(TestRuns.aRun().build(), RunState.LOST, FailureKind.INFRASTRUCTURE, T);

    assertThat(rules.decide(lost, POLICY))
        .isEqualTo(new Retry(FailureKind.INFRASTRUCTURE, 1, T.plusSeconds(30)));

    JobRun again = rules.apply(lost, rules.decide(lost, POLICY), T);
    again = end(again, RunState.LOST, FailureKind.INFRASTRUCTURE, T.plusSeconds(60));
    again = rules.apply(again, rules.decide(again, POLICY), T.plusSeconds(60));
    again = end(again, RunState.LOST, FailureKind.INFRASTRUCTURE, T.plusSeconds(120));

    assertThat(again.failures().job()).isZero();
    assertThat(rules.decide(again, POLICY)).isInstanceOf(GiveUp.class);
  }

  @Test
  void succeededAndCancelledRunsAreNotRetried() {
    JobRun cancelled = TestRuns.aRun().build().moveTo(RunState.CANCELLED, T);

    assertThat(rules.decide(cancelled, POLICY)).isInstanceOf(GiveUp.class);
  }

  @Test
  void aRetryWaitsForTheBackoffOfItsLastFailureKind() {
    JobRun first = TestRuns.aRun().build().stored(1, T);
    assertThat(rules.notBefore(first, POLICY)).isEqualTo(first.timings().created());

    JobRun failed = end(first, RunState.FAILED, FailureKind.INFRASTRUCTURE, T);
    failed =
        end(
            rules.apply(failed, rules.decide(failed, POLICY), T),
            RunState.FAILED,
            FailureKind.INFRASTRUCTURE,
            T.plusSeconds(40));
    JobRun retried =
        rules.apply(failed, rules.decide(failed, POLICY), T).stored(5, T.plusSeconds(40));

    assertThat(retried.state()).isEqualTo(RunState.SCHEDULED);
    assertThat(rules.notBefore(retried, POLICY)).isEqualTo(T.plusSeconds(100)); // 2nd: 60 s
  }

  /** The attempt submitted and then ended as {@code state} for {@code kind} at {@code at}. */
  private static JobRun end(JobRun scheduled, RunState state, FailureKind kind, Instant at) {
    return scheduled
        .submitted(new ClusterId("small-1"), "batch-1", at)
        .failed(state, kind, kind + " failure", at);
  }
}
