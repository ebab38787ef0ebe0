package io.lakeops.testdata;

import io.lakeops.domain.InputWindow;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import java.time.Instant;

/** Test runs with sensible defaults: a scheduled run of {@code orders-extract} at 12:00 UTC. */
public final class TestRuns {
  private String job = "orders-extract";
  private Instant window = Instant.parse("2026-11-26T12:00:00Z");
  private InputWindow input;

  public static TestRuns aRun() {
    return new TestRuns();
  }

  public TestRuns job(String value) {
    this.job = value;
    return this;
  }

  public TestRuns at(String isoInstant) {
    this.window = Instant.parse(isoInstant);
    return this;
  }

  public TestRuns at(Instant value) {
    this.window = value;
    return this;
  }

  /** An input window of its own instead of the five minutes before the scheduled time. */
  public TestRuns window(String low, String high) {
    this.input = new InputWindow(low, high);
    return this;
  }

  public JobRun build() {
    InputWindow w =
        input != null
            ? input
            : new InputWindow(window.minusSeconds(300).toString(), window.toString());
    return JobRun.scheduled(new JobId(job), window, w, window);
  }
}
