package io.lakeops.app;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.runs.SubmitRequests;
import io.lakeops.control.scheduling.ControlLoop;
import io.lakeops.control.scheduling.SchedulerSettings;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.SourceWatermarks;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.StateStore;
import io.lakeops.ports.SubmissionState;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * A second console's leader pass over the same store and clusters, built as a new console process
 * builds it, under its own lease holder name: what takes over after a restart. The test drives its
 * passes by hand so it can stop between them.
 */
@ApplicationScoped
class RestartedConsole {
  private final ControlLoop loop;
  private final StateStore store;
  private final SparkSubmitter submitter;
  private final Clock clock;

  RestartedConsole(
      StateStore store,
      ScheduleStore schedule,
      AuditTrail audit,
      SparkSubmitter submitter,
      SubmitRequests requests,
      RunResults results,
      SourceWatermarks watermarks,
      SchedulerSettings settings,
      ControlLoop.Clusters clusters,
      Clock clock) {
    this.loop =
        ControlLoop.over(
            store,
            schedule,
            audit,
            submitter,
            requests,
            results,
            watermarks,
            settings,
            clusters,
            new ControlLoop.Timing(
                "restarted-console",
                Duration.ofSeconds(20),
                Duration.ofMinutes(2),
                Duration.ofMinutes(1)));
    this.store = store;
    this.submitter = submitter;
    this.clock = clock;
  }

  /** One pass; whether this console leads. */
  boolean lead() {
    return loop.pass(clock.instant()).leader();
  }

  /** One pass, then the run as stored. */
  JobRun passAndRead(RunId run) {
    loop.pass(clock.instant());
    return store.findRun(run).orElseThrow();
  }

  /** What the cluster says of the run's current submission. */
  SubmissionState status(String endpoint, JobRun run) {
    return submitter.status(endpoint, run.submissionId()).state();
  }

  void stop() {
    loop.stepDown();
  }

  @PreDestroy
  void close() {
    loop.close();
  }
}
