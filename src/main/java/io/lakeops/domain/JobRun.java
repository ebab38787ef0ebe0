package io.lakeops.domain;

import java.time.Instant;

/**
 * One run of a job over one window. Its id is deterministic (job + scheduled window) and its input
 * window never changes; attempts, state, cluster and result change as it progresses. {@code
 * version} is the store's optimistic-lock version: 0 before the first write.
 *
 * @param attempt the current attempt, from 1; it goes into the submission's name and the job's
 *     manifest, so that a result of any other attempt is recognised and ignored
 * @param cluster where the current attempt was submitted; null before that
 * @param submissionId the cluster's id of the current attempt's submission (a Livy batch)
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
    Failures failures,
    Timings timings,
    RunResult result,
    long version,
    Instant updatedAt) {

  /**
   * The run's failures so far, each kind counted against its own retry budget.
   *
   * @param kind the kind of the last failure; null when the last attempt has not failed
   * @param message the last failure in words
   * @param infrastructure attempts lost to the cluster, Livy or the network (lost ones included)
   * @param job attempts in which the job itself failed
   */
  public record Failures(FailureKind kind, String message, int infrastructure, int job) {
    public static final Failures NONE = new Failures(null, null, 0, 0);

    Failures plus(FailureKind failed, String why) {
      return new Failures(
          failed,
          why,
          infrastructure + (failed.countsAsInfrastructure() ? 1 : 0),
          job + (failed == FailureKind.JOB ? 1 : 0));
    }

    Failures cleared() {
      return new Failures(null, null, infrastructure, job);
    }
  }

  /**
   * When the run was created, and when its current attempt started running and finished.
   *
   * @param started null until the current attempt is seen running
   * @param finished null until the current attempt ends
   */
  public record Timings(Instant created, Instant started, Instant finished) {}

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
        Failures.NONE,
        new Timings(now, null, null),
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
    Instant started =
        newAttempt
            ? null
            : target == RunState.RUNNING && timings.started() == null ? at : timings.started();
    return copy(
        newAttempt ? attempt + 1 : attempt,
        target,
        newAttempt ? null : cluster,
        newAttempt ? null : submissionId,
        failures,
        new Timings(timings.created(), started, target.isFinished() ? at : null),
        newAttempt ? null : result);
  }

  /** This run submitted to {@code onCluster} as {@code submission}. */
  public JobRun submitted(ClusterId onCluster, String submission, Instant at) {
    JobRun moved = moveTo(RunState.SUBMITTED, at);
    return copy(
        attempt,
        moved.state,
        onCluster,
        submission,
        failures,
        new Timings(timings.created(), timings.started(), null),
        result);
  }

  /** This run failed for {@code kind}, counted against that kind's budget. */
  public JobRun failed(RunState target, FailureKind kind, String why, Instant at) {
    JobRun moved = moveTo(target, at);
    return copy(
        attempt,
        moved.state,
        cluster,
        submissionId,
        failures.plus(kind, why),
        moved.timings,
        result);
  }

  /** This run succeeded with {@code outcome}. */
  public JobRun succeeded(RunResult outcome, Instant at) {
    JobRun moved = moveTo(RunState.SUCCEEDED, at);
    return copy(
        attempt, moved.state, cluster, submissionId, failures.cleared(), moved.timings, outcome);
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
    return copy(
        moved.attempt,
        moved.state,
        null,
        null,
        Failures.NONE,
        new Timings(timings.created(), null, null),
        null);
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
        failures,
        timings,
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
        failures,
        timings,
        result,
        newVersion,
        at);
  }

  /** The one copy of this run with what a state change changes; identity and version stay. */
  private JobRun copy(
      int newAttempt,
      RunState newState,
      ClusterId newCluster,
      String newSubmission,
      Failures newFailures,
      Timings newTimings,
      RunResult newResult) {
    return new JobRun(
        id,
        jobId,
        scheduledFor,
        window,
        newAttempt,
        newState,
        newCluster,
        newSubmission,
        newFailures,
        newTimings,
        newResult,
        version,
        updatedAt);
  }
}
