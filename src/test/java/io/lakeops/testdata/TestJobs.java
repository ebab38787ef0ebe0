package io.lakeops.testdata;

import io.lakeops.domain.ExtractionSpec;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RetryPolicy;
import io.lakeops.domain.Schedule;
import io.lakeops.domain.Severity;
import io.lakeops.domain.StreamingSpec;
import io.lakeops.domain.WatermarkKind;
import java.time.Duration;
import java.util.List;

/** Test jobs with sensible defaults: an extraction of {@code orders} every 5 minutes. */
public final class TestJobs {
  private String id = "orders-extract";
  private String pool = "small";
  private String schedule = "every 5m";
  private boolean paused;
  private boolean streaming;
  private WatermarkKind watermark = WatermarkKind.TIMESTAMP;
  private String table = "orders";
  private String watermarkColumn = "updated_at";
  private String source = "shop";

  public static TestJobs anExtractionJob() {
    return new TestJobs();
  }

  public static TestJobs aStreamingJob() {
    TestJobs jobs = new TestJobs();
    jobs.streaming = true;
    jobs.id = "clicks-stream";
    return jobs;
  }

  public TestJobs id(String value) {
    this.id = value;
    return this;
  }

  public TestJobs pool(String value) {
    this.pool = value;
    return this;
  }

  public TestJobs schedule(String value) {
    this.schedule = value;
    return this;
  }

  /** An append-only table read by increasing id instead of by update time. */
  public TestJobs idWatermark() {
    this.watermark = WatermarkKind.ID;
    return this;
  }

  /** The source's name, which need not be a configured one (a job from another writer). */
  public TestJobs source(String value) {
    this.source = value;
    return this;
  }

  /** The source table, which need not be a valid identifier (a job from another writer). */
  public TestJobs table(String value) {
    this.table = value;
    return this;
  }

  public TestJobs watermarkColumn(String value) {
    this.watermarkColumn = value;
    return this;
  }

  public TestJobs paused() {
    this.paused = true;
    return this;
  }

  public Job build() {
    if (streaming) {
      return new Job(
          new JobId(id),
          "Click stream into PostgreSQL",
          JobKind.STREAMING,
          new PoolName(pool),
          null,
          RetryPolicy.DEFAULT,
          null,
          new StreamingSpec(
              "clicks",
              Duration.ofSeconds(1),
              Duration.ofMinutes(1),
              Duration.ofSeconds(30),
              "page_clicks"),
          paused,
          0,
          null);
    }
    return new Job(
        new JobId(id),
        "Orders from the shop database",
        JobKind.EXTRACTION,
        new PoolName(pool),
        Schedule.parse(schedule),
        RetryPolicy.DEFAULT,
        new ExtractionSpec(
            source,
            table,
            List.of("id"),
            watermarkColumn,
            watermark,
            4,
            1000,
            Severity.FAIL,
            Severity.WARN,
            3.0),
        null,
        paused,
        0,
        null);
  }
}
