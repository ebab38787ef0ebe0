package io.lakeops.adapters.lake;

import static io.lakeops.testdata.TestJobs.anExtractionJob;
import static io.lakeops.testdata.TestRuns.aRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.adapters.embedded.EmbeddedStateStore;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.FailureKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.LakeReadException;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.StateStore;
import io.lakeops.ports.SubmissionRejectedException;
import io.lakeops.testdata.MutableClock;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Manifests as the extraction job writes them (the shape and keys in docs/spark-jobs.md), read back
 * from each place a lake can be: a folder, S3. A subclass gives a fresh lake and puts objects in
 * it.
 */
abstract class LakeRunResultsContract {
  private StateStore store;
  private RunResults results;
  private SchemaFingerprints fingerprints;

  /** A fresh, empty lake. */
  protected abstract LakeObjects lake();

  /** Writes {@code text} at {@code key} of the lake, as the job would. */
  protected abstract void put(String key, String text);

  private final MutableClock clock = MutableClock.at("2026-11-26T12:06:00Z");

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:lake-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    store = new EmbeddedStateStore(dataSource, clock);
    store.createJob(anExtractionJob().build());
    LakeObjects lake = lake();
    results = new LakeRunResults(lake, store);
    fingerprints = new SchemaFingerprints(lake);
  }

  @Test
  void aSucceededManifestGivesTheRunsFigures() {
    JobRun run = running();
    write(run, run.attempt(), "SUCCEEDED", null);

    RunResults.Manifest manifest = results.find(run).orElseThrow();

    assertThat(manifest.succeeded()).isTrue();
    assertThat(manifest.result().rowsRead()).isEqualTo(151);
    assertThat(manifest.result().rowsWritten()).isEqualTo(151);
    assertThat(manifest.result().watermarkReached()).isEqualTo("2026-11-26 12:04:59");
    assertThat(manifest.result().qualityReport()).contains("key_not_null");
    assertThat(manifest.result().schemaChange()).isEqualTo("added columns [note]");
  }

  @Test
  void aFailedAttemptsOwnManifestCarriesTheJobsReasonBesideThePublishedBatchsManifest() {
    JobRun run = running();
    write(run, 1, "SUCCEEDED", null); // the batch attempt 1 published
    JobRun second = store.updateRun(run.succeeded(null, clock.instant()).rerun(clock.instant()));
    second = store.updateRun(second.submitted(new ClusterId("small-1"), "2", clock.instant()));
    writeTo(
        "batch=" + run.id().value() + ".a2.failed.json",
        second,
        2,
        "FAILED",
        "schema change: dropped columns [amount]");

    RunResults.Manifest manifest = results.find(second).orElseThrow();

    assertThat(manifest.succeeded()).isFalse();
    assertThat(manifest.message()).contains("dropped columns [amount]");
    assertThat(results.find(run).orElseThrow().succeeded())
        .as("attempt 1 still reads as the batch it published")
        .isTrue();
  }

  @Test
  void noManifestIsNone() {
    assertThat(results.find(running())).isEmpty();
  }

  @Test
  void aLateManifestOfAnEarlierAttemptNeverDecidesTheCurrentOne() {
    JobRun first = running();
    JobRun lost =
        store.updateRun(
            first.failed(RunState.LOST, FailureKind.CLUSTER_LOST, "cluster died", clock.instant()));
    JobRun second = store.updateRun(lost.moveTo(RunState.SCHEDULED, clock.instant()));
    second = store.updateRun(second.submitted(new ClusterId("small-2"), "7", clock.instant()));
    assertThat(second.attempt()).isEqualTo(2);

    // Attempt 1 finished after all on the dead cluster and wrote its manifest late.
    write(first, 1, "SUCCEEDED", null);
    assertThat(results.find(second)).as("attempt 1's manifest read for attempt 2").isEmpty();

    write(second, 2, "SUCCEEDED", null);
    assertThat(results.find(second)).isPresent();
  }

  @Test
  void aManifestThatNamesNoAttemptIsNotTaken() {
    JobRun run = running();
    write(run, 0, "SUCCEEDED", null); // 0: the field left out, as jobs before fencing wrote it

    assertThat(results.find(run)).isEmpty();
  }

  @Test
  void anErrorReportOfTheCurrentAttemptGivesTheJobsOwnWords() {
    JobRun run = running();
    // A published batch of attempt 1 stays; attempt 2 of a re-run broke on the source.
    write(run, 1, "SUCCEEDED", null);
    JobRun second = store.updateRun(run.succeeded(null, clock.instant()).rerun(clock.instant()));
    second = store.updateRun(second.submitted(new ClusterId("small-1"), "2", clock.instant()));
    assertThat(second.attempt()).isEqualTo(2);
    writeErrorReport(second, 1, "an earlier attempt's error");
    assertThat(results.find(second)).as("attempt 1's report read for attempt 2").isEmpty();

    writeErrorReport(
        second,
        2,
        "SQLInvalidAuthorizationSpecException: Access denied for user 'extract'@'10.0.0.5'");

    RunResults.Manifest manifest = results.find(second).orElseThrow();
    assertThat(manifest.succeeded()).isFalse();
    assertThat(manifest.message()).contains("Access denied for user 'extract'");
    assertThat(manifest.result()).isNull();
  }

  @Test
  void aGarbledManifestIsAFailureNamingItNotAMissingOne() {
    JobRun run = running();
    put(manifests() + "batch=" + run.id().value() + ".json", "{\"runId\": \"" + run.id().value());

    assertThatThrownBy(() -> results.find(run))
        .isInstanceOf(LakeReadException.class)
        .hasMessageContaining("the run manifest")
        .hasMessageContaining("table=orders/_manifests/batch=" + run.id().value() + ".json")
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> fingerprints.of("orders", run.id()))
        .as("the next run is not submitted without the schema check it owes")
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void theSchemaFingerprintOfARunsManifestIsHandedOn() {
    JobRun run = running();
    assertThat(fingerprints.of("orders", run.id())).isEmpty();

    write(run, 1, "SUCCEEDED", null);

    assertThat(fingerprints.of("orders", run.id()))
        .contains("{\"columns\":[{\"name\":\"id\",\"type\":\"bigint\"}]}");
  }

  private static String manifests() {
    return "table=orders/_manifests/";
  }

  private void writeErrorReport(JobRun run, int attempt, String failure) {
    put(
        manifests() + "batch=" + run.id().value() + ".a" + attempt + ".error.json",
        """
        {"runId": "%s", "attempt": %d, "table": "orders", "status": "ERROR", "failure": "%s"}
        """
            .formatted(run.id().value(), attempt, failure));
  }

  private JobRun running() {
    JobRun run =
        store.createRunIfAbsent(aRun().at(Instant.parse("2026-11-26T12:05:00Z")).build()).value();
    run = store.updateRun(run.submitted(new ClusterId("small-1"), "1", clock.instant()));
    return store.updateRun(run.moveTo(RunState.RUNNING, clock.instant()));
  }

  private void write(JobRun run, int attempt, String status, String failure) {
    writeTo("batch=" + run.id().value() + ".json", run, attempt, status, failure);
  }

  private void writeTo(String file, JobRun run, int attempt, String status, String failure) {
    String json =
        """
        {"runId": "%s", %s"table": "orders", "status": "%s", "failure": %s,
         "rowsRead": 151, "rowsWritten": 151,
         "watermarkSeen": {"min": "2026-11-26 12:00:01", "max": "2026-11-26 12:04:59"},
         "timings": {"startedAt": "2026-11-26T12:06:30Z"},
         "dataQuality": {"passed": true, "checks": [{"name": "key_not_null", "severity": "FAIL", "passed": true}]},
         "schemaChange": {"changed": true, "breaking": false, "added": ["note"], "description": "added columns [note]"},
         "schemaFingerprint": {"columns": [{"name": "id", "type": "bigint"}]}}
        """
            .formatted(
                run.id().value(),
                attempt == 0 ? "" : "\"attempt\": " + attempt + ", ",
                status,
                failure == null ? "null" : "\"" + failure + "\"");
    put(manifests() + file, json);
  }
}
