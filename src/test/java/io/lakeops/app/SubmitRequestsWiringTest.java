package io.lakeops.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.config.SourcesConfig;
import io.lakeops.config.SparkJobsConfig;
import io.lakeops.control.runs.SubmitRequests;
import io.lakeops.ports.SourceWatermarks;
import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.testdata.TestJobs;
import io.lakeops.testdata.TestRuns;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A job naming a source this console does not have (written into the store by another writer: the
 * console's own definitions are checked) is refused at submission, and the beans the dispatcher
 * needs are found by type.
 */
@QuarkusTest
class SubmitRequestsWiringTest {
  @Inject SubmitRequests requests;
  @Inject SourceWatermarks watermarks;
  @Inject SourcesConfig sources;
  @Inject SparkJobsConfig sparkJobs;

  @Test
  void anExtractionNamingASourceThatIsNotConfiguredIsRefusedAtSubmission() {
    assertThat(sources.sources()).doesNotContainKey("warehouse");

    assertThatThrownBy(
            () ->
                requests.forAttempt(
                    TestJobs.anExtractionJob().source("warehouse").build(),
                    TestRuns.aRun().build(),
                    "a1"))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("no source named 'warehouse'");
    assertThatThrownBy(
            () ->
                watermarks.highestId(
                    TestJobs.anExtractionJob().source("warehouse").idWatermark().build(), ""))
        .isInstanceOf(SubmissionRejectedException.class);
  }

  @Test
  void theJobJarDefaultsToTheCopyTheBuildMakesForLocalClusters() {
    assertThat(sparkJobs.jar()).isEqualTo("target/local-cluster/jobs/lakeops-spark-jobs-job.jar");
    assertThat(Files.isRegularFile(Path.of(sparkJobs.jar()))).isTrue();
  }
}
