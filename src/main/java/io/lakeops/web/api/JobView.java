package io.lakeops.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.lakeops.control.jobs.JobDefinition;
import io.lakeops.domain.Job;
import java.time.Instant;

/**
 * A stored job as the API shows it: its definition (the shape {@code POST /api/jobs} takes) with
 * the version to send back in {@code If-Match} and the time of the last change.
 */
public record JobView(@JsonUnwrapped JobDefinition definition, long version, Instant updatedAt) {

  public static JobView of(Job job) {
    return new JobView(JobDefinition.of(job), job.version(), job.updatedAt());
  }
}
