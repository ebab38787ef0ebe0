package io.lakeops.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RunId;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.StateStore;
import io.lakeops.web.Users;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the end-to-end test does through the console's API and pages, as its users would. */
final class E2eApi {
  static final int JOB_RETRIES = 1;
  static final int INFRA_RETRIES = 2;

  private final StateStore store;

  E2eApi(StateStore store) {
    this.store = store;
  }

  /** An extraction of {@code table} from the shop source, keyed by id, by update time. */
  static Map<String, Object> extraction(String id, String table, String schedule, String pool) {
    Map<String, Object> extraction = new LinkedHashMap<>();
    extraction.put("source", ShopDatabase.SOURCE);
    extraction.put("table", table);
    extraction.put("keyColumns", List.of("id"));
    extraction.put("watermarkColumn", "updated_at");
    extraction.put("parallelism", 2);
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", id);
    job.put("description", "end-to-end " + id);
    job.put("kind", "extraction");
    job.put("pool", pool);
    job.put("schedule", schedule);
    job.put(
        "retry",
        Map.of(
            "maxJobRetries",
            JOB_RETRIES,
            "maxInfrastructureRetries",
            INFRA_RETRIES,
            "initialBackoff",
            "1s",
            "maxBackoff",
            "2s"));
    job.put("extraction", extraction);
    return job;
  }

  void createJob(Map<String, Object> job) {
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .body(job)
        .post("/api/jobs?reason=end-to-end test")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
  }

  RunId runNow(String job) {
    String id =
        Users.OPERATOR
            .api()
            .contentType(ContentType.JSON)
            .queryParam("reason", "end-to-end test")
            .post("/api/jobs/" + job + "/run-now")
            .then()
            .log()
            .ifValidationFails()
            .statusCode(201)
            .extract()
            .path("id");
    return new RunId(id);
  }

  void rerun(RunId run, String reason) {
    Users.OPERATOR
        .api()
        .contentType(ContentType.JSON)
        .queryParam("reason", reason)
        .post("/api/runs/" + run.value() + "/rerun")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  JsonPath run(RunId run) {
    return Users.VIEWER
        .api()
        .get("/api/runs/" + run.value())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The run page as a logged-in viewer's browser gets it. */
  String runPage(RunId run) {
    Response login =
        given()
            .redirects()
            .follow(false)
            .formParam("j_username", Users.VIEWER.name)
            .formParam("j_password", Users.VIEWER.password)
            .post("/j_security_check");
    assertThat(login.statusCode()).isEqualTo(302);
    return given()
        .cookies(login.getCookies())
        .get("/runs/" + run.value())
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .extract()
        .asString();
  }

  /** The newest runs of {@code job}. */
  List<JobRun> runsOf(String job) {
    return store.findRuns(RunQuery.byJob(new JobId(job)), PageRequest.first(20)).items();
  }

  /** The endpoint of the READY cluster of pool small. */
  String clusterEndpoint() {
    return store.findClusters(new PoolName("small"), PageRequest.first(10)).items().stream()
        .filter(c -> c.state() == ClusterState.READY)
        .map(Cluster::endpoint)
        .findFirst()
        .orElseThrow();
  }
}
