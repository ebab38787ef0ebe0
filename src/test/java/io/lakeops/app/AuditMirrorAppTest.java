package io.lakeops.app;

import static io.lakeops.testdata.TestJobs.anExtractionJob;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.jobs.JobDefinition;
import io.lakeops.control.jobs.JobDefinitionService;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console as wired: changes it makes are audited with their actor; others are mirrored. */
@QuarkusTest
class AuditMirrorAppTest {
  @Inject JobDefinitionService definitions;
  @Inject StateStore store;
  @Inject AuditLog audit;

  @Test
  void readinessCoversTheStateStoreAndTheAuditDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("state-store"))
        .body("checks.name", hasItem("Database connections health check"));
  }

  @Test
  void aChangeMadeThroughTheConsoleIsAuditedWithItsActorAndReason() {
    Job job =
        definitions.create(
            JobDefinition.of(anExtractionJob().id("audited-create").build()),
            new Attribution("alice", "new source table"));

    AuditEntry entry = audit.latest(EntityKind.JOB, job.id().value()).orElseThrow();
    assertThat(entry.actor()).isEqualTo("alice");
    assertThat(entry.reason()).isEqualTo("new source table");
    assertThat(entry.action()).isEqualTo("job.create");
    assertThat(entry.version()).isEqualTo(1);
  }

  @Test
  void aWriteBehindTheConsolesBackAppearsInTheMirrorAsExternal() {
    Job job = store.createJob(anExtractionJob().id("written-elsewhere").build());
    store.updateJob(job.withPaused(true));

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(audit.latest(EntityKind.JOB, "written-elsewhere"))
                    .hasValueSatisfying(
                        e -> {
                          assertThat(e.actor()).isEqualTo(AuditEntry.EXTERNAL);
                          assertThat(e.version()).isEqualTo(2);
                        }));
    // Seen once, however many passes ran meanwhile.
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        Optional.of(EntityKind.JOB),
                        Optional.of("written-elsewhere"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                    PageRequest.first(10))
                .items())
        .hasSize(1);
    assertThat(store.findJob(new JobId("written-elsewhere")).orElseThrow().paused()).isTrue();
  }
}
