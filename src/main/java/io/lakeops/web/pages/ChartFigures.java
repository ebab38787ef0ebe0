package io.lakeops.web.pages;

import io.lakeops.control.overview.JobFacts;
import io.lakeops.control.overview.LakeOverview;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.ports.StreamingProgress;
import java.time.Duration;
import java.util.List;

/**
 * What the dashboard's charts draw, as JSON: each finished run among the newest (when, how long it
 * ran, rows written) and each streaming query's recent batches. Times are epoch seconds.
 */
public record ChartFigures(List<RunPoint> runs, List<Stream> streams) {

  /**
   * A finished run.
   *
   * @param rows rows written; null unless it succeeded
   */
  public record RunPoint(String job, long at, double seconds, Long rows, String state) {}

  /** One streaming query's recent batches. */
  public record Stream(String job, String query, List<BatchPoint> batches) {}

  /** One batch: its input and processing rates (rows/s) and latency (ms); null when unknown. */
  public record BatchPoint(long at, Double input, Double processed, Long latencyMs) {}

  static ChartFigures of(LakeOverview.Reading reading) {
    List<RunPoint> runs =
        reading.recentRuns().stream()
            .filter(r -> r.state().isFinished() && r.timings().finished() != null)
            .filter(r -> r.timings().started() != null)
            .map(ChartFigures::point)
            .toList();
    List<Stream> streams =
        reading.jobs().stream()
            .filter(f -> f.job().kind() == JobKind.STREAMING)
            .flatMap(ChartFigures::streams)
            .toList();
    return new ChartFigures(runs, streams);
  }

  private static RunPoint point(JobRun run) {
    Duration took = Duration.between(run.timings().started(), run.timings().finished());
    boolean ok = run.state() == RunState.SUCCEEDED && run.result() != null;
    return new RunPoint(
        run.jobId().value(),
        run.timings().finished().getEpochSecond(),
        took.toMillis() / 1000.0,
        ok ? run.result().rowsWritten() : null,
        Display.label(run.state()));
  }

  private static java.util.stream.Stream<Stream> streams(JobFacts facts) {
    return facts.progress().stream()
        .flatMap(p -> p.queries().stream())
        .map(
            q ->
                new Stream(
                    facts.job().id().value(),
                    q.name(),
                    q.recent().stream().map(ChartFigures::batch).toList()));
  }

  private static BatchPoint batch(StreamingProgress.Batch b) {
    return new BatchPoint(
        b.at().getEpochSecond(), b.inputRowsPerSecond(), b.processedRowsPerSecond(), b.latencyMs());
  }
}
