package io.lakeops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Re-run, cancel and run now through the JSON API: operators only, audited, refused in words. */
@QuarkusTest
class RunActionsApiTest {
  @Inject StoredRuns runs;

  @Test
  void anOperatorRerunsAFailedRunAndTheAuditSaysWhoAndWhy() {
    JobRun failed = runs.failed(runs.scheduled(StoredRuns.job("api-rerun")), "exit 3");

    json(Users.OPERATOR)
        .queryParam("reason", "source fixed, OPS-7")
        .post("/api/runs/" + failed.id() + "/rerun")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("id", equalTo(failed.id().value()))
        .body("state", equalTo("SCHEDULED"))
        .body("attempt", equalTo(2))
        .body("window.low", equalTo(failed.window().low()))
        .body("failures.job", equalTo(0));

    Users.VIEWER
        .api()
        .queryParam("entityKind", "run")
        .queryParam("entityId", failed.id().value())
        .queryParam("actor", "operator")
        .get("/api/audit")
        .then()
        .body("items[0].action", equalTo("run.rerun"))
        .body("items[0].reason", equalTo("source fixed, OPS-7"));
  }

  @Test
  void anOperatorCancelsAScheduledRunOnceAndTheSecondTimeIsAConflict() {
    JobRun scheduled = runs.scheduled(StoredRuns.job("api-cancel"));

    json(Users.OPERATOR)
        .post("/api/runs/" + scheduled.id() + "/cancel")
        .then()
        .statusCode(200)
        .body("state", equalTo("CANCELLED"));
    json(Users.OPERATOR)
        .post("/api/runs/" + scheduled.id() + "/cancel")
        .then()
        .statusCode(409)
        .body("status", equalTo(409))
        .body("message", containsString("is cancelled; only a scheduled, submitted or running"));
  }

  @Test
  void aRunningRunCannotBeRerunAndNothingChanges() {
    JobRun running = runs.moved(runs.scheduled(StoredRuns.job("api-409")), RunState.SUBMITTED);

    json(Users.OPERATOR)
        .post("/api/runs/" + running.id() + "/rerun")
        .then()
        .statusCode(409)
        .body("error", equalTo("Conflict"))
        .body("message", containsString("is submitted; only a finished run"));
    assertThat(runs.reload(running)).isEqualTo(running);
  }

  @Test
  void unknownAndMalformedRunsAre404And400() {
    json(Users.OPERATOR).post("/api/runs/nope~20261126t120000z/rerun").then().statusCode(404);
    json(Users.OPERATOR).post("/api/runs/nope~20261126t120000z/cancel").then().statusCode(404);
    json(Users.OPERATOR)
        .post("/api/runs/not-a-run/cancel")
        .then()
        .statusCode(400)
        .body("fields[0].field", equalTo("id"));
    json(Users.OPERATOR).post("/api/jobs/no-such-job/run-now").then().statusCode(404);
  }

  @Test
  void aViewerIsRefusedEveryActionAndNothingChanges() {
    String job = StoredRuns.job("api-viewer");
    JobRun failed = runs.failed(runs.scheduled(job), "exit 3");
    JobRun scheduled = runs.scheduled(job, "2026-11-26T12:05:00Z");

    json(Users.VIEWER).post("/api/runs/" + failed.id() + "/rerun").then().statusCode(403);
    json(Users.VIEWER).post("/api/runs/" + scheduled.id() + "/cancel").then().statusCode(403);
    json(Users.VIEWER).post("/api/jobs/" + job + "/run-now").then().statusCode(403);

    assertThat(runs.reload(failed)).isEqualTo(failed);
    assertThat(runs.reload(scheduled)).isEqualTo(scheduled);
    Users.VIEWER
        .api()
        .queryParam("job", job)
        .get("/api/runs")
        .then()
        .body("items.size()", equalTo(2));
  }

  @Test
  void runNowMakesARunWhoseWindowEndsNowAuditedWithWhoAndWhy() {
    String job = StoredRuns.job("api-run-now");

    String location =
        json(Users.OPERATOR)
            .queryParam("reason", "backfill for finance")
            .post("/api/jobs/" + job + "/run-now")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/runs/" + job + "~"))
            .body("state", equalTo("SCHEDULED"))
            .body("window.low", equalTo(""))
            .body("window.high", endsWith("Z"))
            .extract()
            .header("Location");
    Users.VIEWER.api().get(location).then().statusCode(200);
    Users.VIEWER
        .api()
        .queryParam("entityId", location.substring(location.lastIndexOf('/') + 1))
        .get("/api/audit")
        .then()
        .body("items[0].action", equalTo("run.run-now"))
        .body("items[0].actor", equalTo("operator"))
        .body("items[0].reason", equalTo("backfill for finance"));
  }

  @Test
  void runNowOfAPausedJobIsAConflictAndOfAStreamingJobIsAccepted() {
    String paused = StoredRuns.job("api-paused");
    json(Users.OPERATOR).post("/api/jobs/" + paused + "/pause").then().statusCode(200);
    json(Users.OPERATOR)
        .post("/api/jobs/" + paused + "/run-now")
        .then()
        .statusCode(409)
        .body("message", containsString("is paused"));

    String streaming = JobJson.uniqueId("api-stream");
    JobsApiTest.create(JobJson.streaming(streaming));
    json(Users.OPERATOR)
        .post("/api/jobs/" + streaming + "/run-now")
        .then()
        .statusCode(202)
        .body("job", equalTo(streaming))
        .body("message", containsString("the scheduler starts it"));
  }

  /** An API request as a script sends it: JSON, so the console's CSRF check for forms is moot. */
  private static RequestSpecification json(Users user) {
    return user.api().contentType(ContentType.JSON);
  }
}
