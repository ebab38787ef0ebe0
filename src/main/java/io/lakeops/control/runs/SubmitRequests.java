package io.lakeops.control.runs;

import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.ports.SubmitRequest;

/**
 * The Spark application for one attempt of a run: jar, main class and arguments (the run's fixed
 * window among them). Supplied by the wiring, which knows where the spark-jobs jar is.
 */
@FunctionalInterface
public interface SubmitRequests {
  SubmitRequest forAttempt(Job job, JobRun run, String name);
}
