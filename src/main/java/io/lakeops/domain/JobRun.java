package io.lakeops.domain;

import java.time.Instant;

/**
 * One run of a job over one window. Its id is deterministic (job + scheduled window) and its input
 * window never changes; attempts, state, cluster and result change as it progresses. {@code
 * version} is the store's optimistic-lock version: 0 before the first write.
 */
public record JobRun(
    RunId id,
    JobId jobId,
    Instant scheduledFor,
    InputWindow window,
    int attempt,
    RunState state,
    ClusterId cluster,
    String submissionId,
    FailureKind failureKind,
    String message,
    int infrastructureFailures,
    int jobFailures,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    RunResult result,
    long version,
    Instant updatedAt) {

  /** A new run, scheduled and not yet stored. */
  public static JobRun scheduled(JobId job, Instant scheduledFor, InputWindow window, Instant now) {
    return new JobRun(
        RunId.of(job, scheduledFor),
        job,
        scheduledFor,
        window,
        1,
        RunState.SCHEDULED,
        null,
        null,
        null,
        null,
        0,
        0,
        now,
        null,
        null,
        null,
        0,
        null);
  }

  /** This run in {@code target}, if the state machine allows it; otherwise an exception. */
  public JobRun moveTo(RunState target, Instant at) {
    if (!state.canMoveTo(target)) {
      throw new IllegalTransitionException("run " + id, state, target);
    }
    boolean newAttempt = state.isFinished() && target == RunState.SCHEDULED;
    return new JobRun(
        id,
        jobId,
        scheduledFor,
        window,
        newAttempt ? attempt + 1 : attempt,
        target,
        newAttempt ? null : cluster,
        newAttempt ? null : submissionId,
        failureKind,
        message,
        infrastructureFailures,
        jobFailures,
        createdAt,
        target == RunState.RUNNING && startedAt == null ? at : newAttempt ? null : startedAt,
        target.isFinished() ? at : null,
        newAttempt ? null : result,
        version,
        updatedAt);
  }

  /** This run submitted to {@code onCluster} as {@code submission}. */
  public JobRun submitted(ClusterId onCluster, String submission, Instant at) {
    JobRun moved = moveTo(RunState.SUBMITTED, at);
    return new JobRun(
        id,
        jobId,
        scheduledFor,
        window,
        attempt,
        moved.state,
        onCluster,
        submission,
        failureKind,
        message,
        infrastructureFailures,
        jobFailures,
        createdAt,
        startedAt,
        null,
        result,
        version,
        updatedAt);
  }

  /** This run failed for {@code kind}, counted against that kind's budget. */
  public JobRun failed(RunState target, FailureKind kind, String why, Instant at) {
    JobRun moved = moveTo(target, at);
    return new JobRun(
        id,
        jobId,
        scheduledFor,
        window,
        attempt,
        moved.state,
        cluster,
        submissionId,
        kind,
        why,
        infrastructureFailures + (kind == FailureKind.INFRASTRUCTURE ? 1 : 0),
        jobFailures + (kind == FailureKind.JOB ? 1 : 0),
        createdAt,
        startedAt,
        moved.finishedAt,
        result,
        version,
        updatedAt);
  }

  /** This run succeeded with {@code outcome}. */
  public JobRun succeeded(RunResult outcome, Instant at) {
    JobRun moved = moveTo(RunState.SUCCEEDED, at);
    return new JobRun(
        id,
        jobId,
        scheduledFor,
        window,
        attempt,
        moved.state,
        cluster,
        submissionId,
        null,
        null,
        infrastructureFailures,
        jobFailures,
        createdAt,
        startedAt,
        moved.finishedAt,
        outcome,
        version,
        updatedAt);
  }

  /**
   * An operator's re-run of this finished run: a new attempt over the same window (so the same
   * output batch), with fresh retry budgets.
   */
  public JobRun rerun(Instant at) {
    if (!state.isFinished()) {
      throw new IllegalTransitionException("run " + id, state, RunState.SCHEDULED);
    }
    JobRun moved = moveTo(RunState.SCHEDULED, at);
    return new JobRun(
        id,
        jobId,
        scheduledFor,
        window,
        moved.attempt,
        moved.state,
        null,
        null,
        null,
        null,
        0,
        0,
        createdAt,
        null,
        null,
        null,
        version,
        updatedAt);
  }

  /**
   * This run with the high end of its id window fixed, at its first submission; from then on every
   * attempt reads the same rows. Refused once a high is fixed: a window never moves.
   */
  public JobRun withWindowHigh(String high) {
    if (!window.high().isEmpty()) {
      throw new IllegalStateException("run " + id + " already has a fixed window " + window);
    }
    if (high == null || high.isEmpty()) {
      throw new IllegalArgumentException("a window's high end cannot be empty");
    }
    return new JobRun(
        id,
        jobId,
        scheduledFor,
        new InputWindow(window.low(), high),
        attempt,
        state,
        cluster,
        submissionId,
        failureKind,
        message,
        infrastructureFailures,
        jobFailures,
        createdAt,
        startedAt,
        finishedAt,
        result,
        version,
        updatedAt);
  }

  /** The same run as stored at {@code newVersion} and {@code at}. */
  public JobRun stored(long newVersion, Instant at) {
    return new JobRun(
        id,
        jobId,
        scheduledFor,
        window,
        attempt,
        state,
        cluster,
        submissionId,
        failureKind,
        message,
        infrastructureFailures,
        jobFailures,
        createdAt,
        startedAt,
        finishedAt,
        result,
        newVersion,
        at);
  }
}
