package io.lakeops.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.SizeClass;
import io.lakeops.ports.LogPage;
import io.lakeops.ports.ProvidedCluster;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.Submission;
import io.lakeops.ports.SubmissionState;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.ports.SubmitterUnavailableException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real path: a local cluster (a real Livy 0.7.1 server whose spark-submit runs Spark 3.5.7 in
 * local mode) started through {@link LocalClusterProvider}, and real spark-jobs batches submitted
 * and followed through the Livy adapter. The extraction job reads an H2 database served over TCP by
 * this test; its driver jar reaches Spark through {@code spark.driver.extraClassPath}. A second
 * cluster is started only to be killed.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalLivyClusterIT {
  private static final Pool POOL = Pool.of(new PoolName("small"), SizeClass.SMALL);
  private static final String EXTRACTION = "io.lakeops.jobs.extraction.ExtractionJob";
  private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(120);

  @Inject LocalClusterProvider provider;
  @Inject SparkSubmitter submitter;

  private final Path work = Path.of("target/local-cluster-test").toAbsolutePath();
  private final TestSources sources = new TestSources(work);
  private String cluster;
  private String doomed;
  private String endpoint;

  @BeforeAll
  void startClusters() throws Exception {
    sources.start();
    cluster = provider.launch(new ClusterId("e2e"), POOL);
    doomed = provider.launch(new ClusterId("e2e-outage"), POOL);
    assertThat(provider.describeOne(cluster).state())
        .isIn(ClusterState.STARTING, ClusterState.READY);
    endpoint = awaitReady(cluster).endpoint();
    awaitReady(doomed);
  }

  @AfterAll
  void stopClusters() {
    try {
      if (cluster != null) {
        provider.terminate(cluster);
        assertThat(provider.describeOne(cluster).state()).isEqualTo(ClusterState.TERMINATED);
      }
    } finally {
      try {
        if (doomed != null) {
          provider.terminate(doomed);
        }
      } finally {
        sources.stop();
      }
    }
  }

  @Test
  void anExtractionRunsToSucceededWithItsLogAndIsFoundByName() throws Exception {
    String run = "orders~e2e-a1";
    Submission s =
        submitter.submit(
            endpoint,
            new SubmitRequest(
                run,
                provider.jobsJar().toString(),
                EXTRACTION,
                sources.extractionArgs(run),
                Map.of("spark.driver.extraClassPath", sources.h2Jar().toString())));

    assertThat(awaitFinished(s).state()).as(logOf(s)).isEqualTo(SubmissionState.SUCCEEDED);
    LogPage log = submitter.log(endpoint, s.id(), 0, 500);
    assertThat(log.lines()).anyMatch(l -> l.contains("extraction: run " + run + " wrote 20 rows"));
    assertThat(submitter.findByName(endpoint, run)).contains(s);
    assertThat(
            submitter.submit(endpoint, new SubmitRequest(run, "x.jar", "X", List.of(), Map.of())))
        .as("a second submit of the same name re-attaches")
        .isEqualTo(s);
    Path manifest = work.resolve("lake/table=orders/_manifests/batch=" + run + ".json");
    assertThat(Files.readString(manifest))
        .containsPattern("\"status\"\\s*:\\s*\"SUCCEEDED\"")
        .containsPattern("\"rowsWritten\"\\s*:\\s*20\\b");
  }

  @Test
  void aJobThatExitsNonZeroEndsFailed() {
    Submission s =
        submitter.submit(
            endpoint,
            new SubmitRequest(
                "orders~bad-args-a1",
                provider.jobsJar().toString(),
                EXTRACTION,
                List.of("--bad"),
                Map.of()));

    assertThat(awaitFinished(s).state()).as(logOf(s)).isEqualTo(SubmissionState.FAILED);
    assertThat(submitter.log(endpoint, s.id(), 0, 200).lines())
        .anyMatch(l -> l.contains("expected --name value pairs"));
  }

  @Test
  void killingARunningBatchEndsKilledAndStopsItsDriver() {
    // The source accepts connections and never answers, so the job hangs in its first query.
    String run = "orders~hanging-a1";
    Submission s =
        submitter.submit(
            endpoint,
            new SubmitRequest(
                run,
                provider.jobsJar().toString(),
                EXTRACTION,
                sources.hangingExtractionArgs(run),
                Map.of()));
    await()
        .atMost(BATCH_TIMEOUT)
        .failFast(
            "the batch ended before it reached the source",
            () -> submitter.status(endpoint, s.id()).state().isFinished())
        .until(() -> sources.hangingConnections() > 0);
    assertThat(submitter.status(endpoint, s.id()).state()).isEqualTo(SubmissionState.RUNNING);

    submitter.kill(endpoint, s.id());

    assertThat(submitter.status(endpoint, s.id()).state()).isEqualTo(SubmissionState.KILLED);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> provider.livyProcess(cluster).descendants().findAny().isEmpty());
  }

  @Test
  void aBatchLivyNeverHadIsUnknown() {
    assertThat(submitter.status(endpoint, "9999").state()).isEqualTo(SubmissionState.UNKNOWN);
    assertThat(submitter.findByName(endpoint, "nobody~x-a1")).isEmpty();
  }

  @Test
  void aDeadLivyMakesTheSubmitterUnavailableAndTheClusterFailed() {
    String doomedEndpoint = provider.describeOne(doomed).endpoint();
    ProcessHandle livy = provider.livyProcess(doomed);

    livy.destroyForcibly();
    livy.onExit().join();

    ProvidedCluster described = provider.describeOne(doomed);
    assertThat(described.state()).isEqualTo(ClusterState.FAILED);
    assertThat(described.reason()).contains("Livy exited");
    assertThatThrownBy(() -> submitter.status(doomedEndpoint, "0"))
        .isInstanceOf(SubmitterUnavailableException.class);
  }

  /** The batch's log, for assertion messages. */
  private String logOf(Submission s) {
    return String.join("\n", submitter.log(endpoint, s.id(), 0, 500).lines());
  }

  private ProvidedCluster awaitReady(String providerId) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> provider.describeOne(providerId).state() != ClusterState.STARTING);
    ProvidedCluster c = provider.describeOne(providerId);
    assertThat(c.state()).as(c.reason()).isEqualTo(ClusterState.READY);
    return c;
  }

  private io.lakeops.ports.SubmissionStatus awaitFinished(Submission s) {
    await()
        .atMost(BATCH_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> submitter.status(endpoint, s.id()).state().isFinished());
    return submitter.status(endpoint, s.id());
  }
}
