package io.lakeops.control.runs;

import io.lakeops.domain.FailureKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RetryPolicy;
import io.lakeops.domain.RunState;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether an ended attempt is tried again, and when. Job failures (non-zero exit, data-quality or
 * schema check) and infrastructure failures (cluster, Livy, network) have separate budgets, so a
 * Livy outage does not use up the retries meant for a job's own bugs. A lost attempt (its cluster
 * died or was rotated away) is an infrastructure failure.
 *
 * <p>The run's counters include the attempt being judged: whoever ends an attempt records it with
 * {@code JobRun.failed(FAILED or LOST, kind, why, at)}, which counts it against its kind. The wait
 * before retry {@code n} of a kind is {@code RetryPolicy.backoffBefore(n)}, measured from the end
 * of the attempt; a retried run goes back to SCHEDULED at once (a new attempt, same window) and
 * {@link #notBefore} tells the dispatcher when it may go.
 */
public final class RetryRules {

  /** The outcome for an ended attempt. */
  public sealed interface Decision {
    /** The decision in words, for the audit log and the run's page. */
    String explained();
  }

  /** Try again: attempt {@code retry} of kind {@code kind}, not before {@code at}. */
  public record Retry(FailureKind kind, int retry, Instant at) implements Decision {
    @Override
    public String explained() {
      return kind.name().toLowerCase() + " retry " + retry + ", not before " + at;
    }
  }

  /** Leave the run as it ended; {@code why} is for the run's page. */
  public record GiveUp(String why) implements Decision {
    @Override
    public String explained() {
      return "not retried: " + why;
    }
  }

  public Decision decide(JobRun ended, RetryPolicy policy) {
    if (ended.state() != RunState.FAILED && ended.state() != RunState.LOST) {
      return new GiveUp("a run in " + ended.state() + " is not retried");
    }
    FailureKind kind = kindOf(ended);
    int failures = failuresOf(ended, kind);
    int budget = budgetOf(policy, kind);
    if (failures > budget) {
      return new GiveUp(
          kind.name().toLowerCase()
              + " retries used up: "
              + failures
              + " failures, "
              + budget
              + " retries allowed");
    }
    Instant endedAt =
        ended.timings().finished() != null ? ended.timings().finished() : ended.updatedAt();
    Duration wait =
        kind == FailureKind.CLUSTER_LOST ? Duration.ZERO : policy.backoffBefore(failures);
    return new Retry(kind, failures, endedAt.plus(wait));
  }

  /** The run after {@code decision}: a new attempt over the same window, or unchanged. */
  public JobRun apply(JobRun ended, Decision decision, Instant at) {
    return decision instanceof Retry ? ended.moveTo(RunState.SCHEDULED, at) : ended;
  }

  /**
   * When a scheduled run may be dispatched: its first attempt at once, and so the next attempt of
   * one whose cluster was lost (another cluster takes it as soon as one is READY); a retry once the
   * backoff of its last failure's kind has passed since it was rescheduled ({@code updatedAt}).
   */
  public Instant notBefore(JobRun scheduled, RetryPolicy policy) {
    FailureKind last = scheduled.failures().kind();
    if (scheduled.attempt() <= 1 || last == null) {
      return scheduled.timings().created();
    }
    if (last == FailureKind.CLUSTER_LOST) {
      return scheduled.updatedAt();
    }
    int failures = failuresOf(scheduled, last);
    Duration wait = policy.backoffBefore(Math.max(failures, 1));
    return scheduled.updatedAt().plus(wait);
  }

  private static FailureKind kindOf(JobRun ended) {
    FailureKind kind = ended.failures().kind();
    if (kind == null || (ended.state() == RunState.LOST && kind == FailureKind.JOB)) {
      return FailureKind.INFRASTRUCTURE; // lost, or failed without a reason: not the job's fault
    }
    return kind;
  }

  private static int failuresOf(JobRun run, FailureKind kind) {
    return kind.countsAsInfrastructure() ? run.failures().infrastructure() : run.failures().job();
  }

  private static int budgetOf(RetryPolicy policy, FailureKind kind) {
    return kind.countsAsInfrastructure()
        ? policy.maxInfrastructureRetries()
        : policy.maxJobRetries();
  }
}
