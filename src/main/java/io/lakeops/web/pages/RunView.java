package io.lakeops.web.pages;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the run page shows of a run: the run with its job (null once deleted) and cluster (null when
 * unknown), its data-quality report read into a table where it can be, and its timeline.
 *
 * @param quality the report as a table; null when there is none or it could not be read
 * @param qualityText the report's text when it could not be read as a table, else empty
 */
public record RunView(
    JobRun run,
    Job job,
    Cluster cluster,
    QualityReportView quality,
    String qualityText,
    List<TimelinePoint> timeline,
    Instant now) {

  public boolean finished() {
    return run.state().isFinished();
  }

  /**
   * Whether the page offers a re-run once the run has finished: runs of an extraction job that
   * still exists (streaming runs are restarted by the scheduler instead).
   */
  public boolean offersRerun() {
    return job != null && job.kind() == JobKind.EXTRACTION;
  }

  /** Started to finished, or to now while it runs; a dash before it starts. */
  public String duration() {
    if (run.timings().started() == null) {
      return "—";
    }
    Instant end = run.timings().finished() != null ? run.timings().finished() : now;
    return elapsed(Duration.between(run.timings().started(), end))
        + (run.timings().finished() == null ? " so far" : "");
  }

  /** Created to started: how long the run waited for a cluster. */
  public String waited() {
    return run.timings().started() == null
        ? "—"
        : elapsed(Duration.between(run.timings().created(), run.timings().started()));
  }

  static String elapsed(Duration d) {
    if (d.isNegative()) {
      return "0s";
    }
    long s = d.getSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m " + s % 60 + "s";
    }
    return s / 3600 + "h " + s % 3600 / 60 + "m";
  }
}
