package io.lakeops.web.pages;

import io.lakeops.control.overview.JobFacts;
import io.lakeops.domain.JobKind;
import java.time.Instant;
import java.util.List;

/**
 * A streaming job's lines on the dashboard: each query's rates and latency from the job's newest
 * progress, or why there are none yet.
 *
 * @param progress null before the job's first publication
 */
record StreamView(String job, boolean paused, ProgressView progress) {

  static List<StreamView> of(List<JobFacts> jobs, Instant now) {
    return jobs.stream()
        .filter(f -> f.job().kind() == JobKind.STREAMING)
        .map(
            f ->
                new StreamView(
                    f.job().id().value(),
                    f.job().paused(),
                    f.progress().map(p -> ProgressView.of(p, now)).orElse(null)))
        .toList();
  }
}
