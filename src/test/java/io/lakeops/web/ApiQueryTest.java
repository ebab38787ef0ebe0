package io.lakeops.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.lakeops.domain.RunState;
import io.lakeops.ports.StateStore;
import io.lakeops.testdata.TestClusters;
import io.lakeops.testdata.TestRuns;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading runs, clusters, pools and audit; bad query parameters are a 400 naming them. */
@QuarkusTest
class ApiQueryTest {
  @Inject StateStore store;

  @ParameterizedTest(name = "{0}?{1}={2}")
  @CsvSource({
    "/api/runs, state, bogus",
    "/api/runs, job, Not/A/Job",
    "/api/runs, cluster, ../x",
    "/api/runs, limit, 0",
    "/api/runs, limit, 501",
    "/api/jobs, limit, -1",
    "/api/clusters, pool, BIG POOL",
    "/api/audit, entityKind, table",
    "/api/audit, from, yesterday",
    "/api/audit.csv, to, 31/12/2026",
  })
  void aBadQueryParameterIsA400NamingIt(String path, String name, String value) {
    Users.VIEWER
        .api()
        .queryParam(name, value)
        .get(path)
        .then()
        .statusCode(400)
        .body("status", equalTo(400))
        .body("fields.field", hasItem(name));
  }

  @Test
  void aLimitThatIsNotANumberIsA400() {
    Users.VIEWER
        .api()
        .queryParam("limit", "ten")
        .get("/api/runs")
        .then()
        .statusCode(400)
        .body("status", equalTo(400));
  }

  @Test
  void aCursorNotMadeByTheStoreIsA400() {
    Users.VIEWER
        .api()
        .queryParam("cursor", "%%%not-a-cursor")
        .get("/api/audit")
        .then()
        .statusCode(400);
  }

  @Test
  void runsFilterByJobAndStateAndReadOneByOne() {
    String job = JobJson.uniqueId("runs");
    store.createRunIfAbsent(TestRuns.aRun().job(job).at("2026-11-26T12:00:00Z").build());
    store.createRunIfAbsent(TestRuns.aRun().job(job).at("2026-11-26T12:05:00Z").build());
    Users.VIEWER
        .api()
        .queryParam("job", job)
        .queryParam("state", "scheduled")
        .get("/api/runs")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2))
        .body("items[0].state", equalTo(RunState.SCHEDULED.name()))
        .body("items[0].jobId", equalTo(job));
    String runId = job + "~20261126t120000z";
    Users.VIEWER.api().get("/api/runs/" + runId).then().statusCode(200).body("id", equalTo(runId));
    Users.VIEWER.api().get("/api/runs/" + job + "~20261126t130000z").then().statusCode(404);
    Users.VIEWER
        .api()
        .get("/api/runs/not-a-run")
        .then()
        .statusCode(400)
        .body("fields.field", hasItem("id"));
  }

  @Test
  void clustersAreListedLiveOrByPool() {
    String id = JobJson.uniqueId("cl");
    store.createCluster(
        TestClusters.aCluster().id(id).pool("medium").requestedAt(Instant.now()).build());
    Users.VIEWER.api().get("/api/clusters").then().statusCode(200).body("items.id", hasItem(id));
    Users.VIEWER
        .api()
        .queryParam("pool", "medium")
        .get("/api/clusters")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    Users.VIEWER
        .api()
        .get("/api/clusters/" + id)
        .then()
        .statusCode(200)
        .body("pool", equalTo("medium"));
  }

  @Test
  void theOpenApiDocumentDescribesTheApi() {
    Users.ADMIN
        .api()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("paths.'/api/jobs'.post.summary", org.hamcrest.Matchers.notNullValue())
        .body("paths.'/api/jobs'.get.tags", hasItem("Jobs"));
  }
}
