package io.lakeops.control.scheduling;

import io.lakeops.domain.InputWindow;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.domain.WatermarkKind;
import io.lakeops.ports.RunStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the next input window of an extraction starts and ends. Windows chain: each starts at the
 * previous window's high watermark, so consecutive runs neither overlap nor leave a gap, and a run
 * that failed for good keeps its own window for an operator's re-run.
 *
 * <p>Timestamp watermarks: the window is {@code [previous high, scheduled time)}. Id watermarks:
 * the high end is not known when the run is created (it is the source's largest id when the run is
 * first submitted), so {@code high} is left empty, to be fixed at submission; the window after it
 * can only start once that high is fixed, so until then it waits.
 */
public final class WindowChain {
  private final RunStore runs;

  public WindowChain(RunStore runs) {
    this.runs = runs;
  }

  /**
   * The low end of the window after the one scheduled at {@code last} whose high is {@code
   * watermark}; empty while that high is still open. No previous window: from the beginning.
   */
  public Optional<String> lowAfter(Job job, Instant last, String watermark) {
    if (last == null || !watermark.isEmpty()) {
      return Optional.of(watermark);
    }
    return runs.findRun(RunId.of(job.id(), last)).flatMap(WindowChain::fixedHigh);
  }

  /** The window of a run scheduled at {@code at} that starts at {@code low}. */
  public static InputWindow window(Job job, String low, Instant at) {
    return job.extraction().watermarkKind() == WatermarkKind.TIMESTAMP
        ? new InputWindow(low, at.toString())
        : new InputWindow(low, "");
  }

  private static Optional<String> fixedHigh(JobRun previous) {
    if (!previous.window().high().isEmpty()) {
      return Optional.of(previous.window().high());
    }
    // An id window that succeeded before its high was recorded: what it reached is its high.
    if (previous.state() == RunState.SUCCEEDED
        && previous.result() != null
        && previous.result().watermarkReached() != null
        && !previous.result().watermarkReached().isEmpty()) {
      return Optional.of(previous.result().watermarkReached());
    }
    return Optional.empty();
  }
}
