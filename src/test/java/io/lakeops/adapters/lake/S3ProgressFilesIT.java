package io.lakeops.adapters.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.adapters.s3.S3ProxyServer;
import io.lakeops.adapters.s3.TestBucket;
import io.lakeops.domain.JobId;
import io.lakeops.ports.StreamingProgress;
import org.junit.jupiter.api.Test;

/** A streaming job's progress file under an S3 streaming base, read from S3Proxy. */
class S3ProgressFilesIT {
  private static final JobId JOB = new JobId("page-clicks");

  private final TestBucket bucket = TestBucket.fresh(S3ProxyServer.shared(), "streaming");
  private final ProgressFiles progress =
      new ProgressFiles(LakeStorage.at("s3a://" + bucket.name() + "/streaming/", bucket::client));

  @Test
  void aPublishedFileReadsAsItsQueries() throws Exception {
    bucket.put("page-clicks/progress/progress.json", ProgressFilesTest.published());

    StreamingProgress.Report report = progress.latest(JOB).orElseThrow();

    assertThat(report.queries())
        .extracting(StreamingProgress.Query::name)
        .containsExactly("page-clicks-aggregates", "page-clicks-events");
    assertThat(report.queries().get(0).lastBatchId()).isEqualTo(19);
  }

  @Test
  void noFileOrAHalfWrittenOneIsNoProgress() {
    assertThat(progress.latest(JOB)).isEmpty();

    bucket.put("page-clicks/progress/progress.json", "{\"updatedAt\": \"2026-12-01T14:04:48Z\"");

    assertThat(progress.latest(JOB)).isEmpty();
  }
}
