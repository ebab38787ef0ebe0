package io.lakeops.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.StateStore;
import io.lakeops.ports.StreamingProgress;
import io.lakeops.testdata.TestJobs;
import io.lakeops.testdata.TestRuns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * With {@code lakeops.lake.base=s3://…} the console's run results and streaming progress come from
 * S3 (here S3Proxy, reached with the {@code lakeops.lake.s3.*} keys): the beans the monitor and the
 * job page use, as configuration wires them.
 */
@QuarkusTest
@QuarkusTestResource(value = S3LakeTestResource.class, restrictToAnnotatedClass = true)
class S3LakeWiringIT {
  @Inject RunResults results;
  @Inject StreamingProgress progress;
  @Inject StateStore store;
  @Inject Clock clock;

  TestBucket bucket;

  @Test
  void aManifestInTheS3LakeIsTheRunsResult() {
    Job job = TestJobs.anExtractionJob().id("s3-orders").build();
    store.createJob(job);
    JobRun run =
        store
            .createRunIfAbsent(
                TestRuns.aRun()
                    .job(job.id().value())
                    .at(Instant.parse("2026-12-02T01:00:00Z"))
                    .build())
            .value();
    run = store.updateRun(run.submitted(new ClusterId("small-1"), "b1", clock.instant()));
    String key = "table=orders/_manifests/batch=" + run.id().value() + ".json";
    assertThat(results.find(run)).isEmpty();

    bucket.put(
        key,
        """
        {"runId": "%s", "attempt": 1, "table": "orders", "status": "SUCCEEDED", "rowsRead": 7,
         "rowsWritten": 7, "watermarkSeen": {"max": "2026-12-02 00:59:59"}}
        """
            .formatted(run.id().value()));

    RunResults.Manifest manifest = results.find(run).orElseThrow();
    assertThat(manifest.succeeded()).isTrue();
    assertThat(manifest.result().rowsWritten()).isEqualTo(7);
  }

  @Test
  void aStreamingJobsProgressIsReadFromTheS3StreamingBase() {
    bucket.putAbsolute(
        "streaming/clicks/progress/progress.json",
        "{\"updatedAt\": \"2026-12-02T01:00:00Z\", \"queries\": {\"clicks-aggregates\": {\"state\": \"RUNNING\", \"lastBatchId\": 3}}}");

    StreamingProgress.Report report = progress.latest(new JobId("clicks")).orElseThrow();
    assertThat(report.queries())
        .singleElement()
        .satisfies(q -> assertThat(q.lastBatchId()).isEqualTo(3));
  }
}
