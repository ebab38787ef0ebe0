package io.lakeops.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creating, changing and deleting job definitions through the API, and who may. */
@QuarkusTest
class JobsApiTest {

  @Test
  void adminCreatesReadsReplacesAndDeletesAJob() {
    String id = JobJson.uniqueId("crud");
    Map<String, Object> job = JobJson.extraction(id);
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .body(job)
        .queryParam("reason", "new source table")
        .when()
        .post("/api/jobs")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/jobs/" + id))
        .header("ETag", containsString("1"))
        .body("id", equalTo(id))
        .body("version", equalTo(1))
        .body("schedule", equalTo("every 5m"))
        .body("extraction.table", equalTo("orders"));

    Users.VIEWER
        .api()
        .when()
        .get("/api/jobs/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(1));

    job.put("schedule", "every 10m");
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(job)
        .when()
        .put("/api/jobs/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("schedule", equalTo("every 10m"));

    Users.ADMIN
        .api()
        .header("If-Match", "2")
        .when()
        .delete("/api/jobs/" + id)
        .then()
        .statusCode(204);
    Users.VIEWER
        .api()
        .when()
        .get("/api/jobs/" + id)
        .then()
        .statusCode(404)
        .body("status", equalTo(404))
        .body("error", equalTo("Not Found"));
  }

  @Test
  void aStaleVersionIsAConflictAndAMissingOneIsRequired() {
    String id = JobJson.uniqueId("stale");
    Map<String, Object> job = JobJson.extraction(id);
    create(job);
    job.put("description", "first change");
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(job)
        .put("/api/jobs/" + id)
        .then()
        .statusCode(200);

    job.put("description", "a change made from an old read");
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(job)
        .put("/api/jobs/" + id)
        .then()
        .statusCode(409)
        .body("status", equalTo(409));
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .body(job)
        .put("/api/jobs/" + id)
        .then()
        .statusCode(428)
        .body("status", equalTo(428));
    Users.ADMIN.api().header("If-Match", "1").delete("/api/jobs/" + id).then().statusCode(409);
    Users.ADMIN.api().delete("/api/jobs/" + id).then().statusCode(428);
    Users.ADMIN
        .api()
        .header("If-Match", "two")
        .delete("/api/jobs/" + id)
        .then()
        .statusCode(400)
        .body("fields.field", hasItem("If-Match"));
    Users.VIEWER.api().get("/api/jobs/" + id).then().body("description", equalTo("first change"));
  }

  @Test
  void creatingATakenIdIsAConflict() {
    Map<String, Object> job = JobJson.extraction(JobJson.uniqueId("taken"));
    create(job);
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .body(job)
        .post("/api/jobs")
        .then()
        .statusCode(409)
        .body("status", equalTo(409));
  }

  @Test
  void theIdOfAJobCannotBeChanged() {
    String id = JobJson.uniqueId("fixed");
    Map<String, Object> job = JobJson.extraction(id);
    create(job);
    job.put("id", JobJson.uniqueId("other"));
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(job)
        .put("/api/jobs/" + id)
        .then()
        .statusCode(400)
        .body("fields.field", hasItem("id"));
  }

  @Test
  void aViewerCannotChangeAnything() {
    String id = JobJson.uniqueId("viewer");
    Map<String, Object> job = JobJson.extraction(id);
    create(job);
    Users.VIEWER
        .api()
        .contentType(ContentType.JSON)
        .body(JobJson.extraction(JobJson.uniqueId("viewer-new")))
        .post("/api/jobs")
        .then()
        .statusCode(403)
        .body("status", equalTo(403))
        .body("error", equalTo("Forbidden"));
    Users.VIEWER
        .api()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(job)
        .put("/api/jobs/" + id)
        .then()
        .statusCode(403);
    Users.VIEWER.api().header("If-Match", "1").delete("/api/jobs/" + id).then().statusCode(403);
    Users.VIEWER
        .api()
        .contentType(ContentType.JSON)
        .post("/api/jobs/" + id + "/pause")
        .then()
        .statusCode(403);
    Users.VIEWER
        .api()
        .contentType(ContentType.JSON)
        .post("/api/jobs/" + id + "/resume")
        .then()
        .statusCode(403);
    Users.VIEWER.api().get("/api/jobs/" + id).then().body("version", equalTo(1));
  }

  @Test
  void anOperatorPausesButDoesNotEditDefinitions() {
    String id = JobJson.uniqueId("operator");
    Map<String, Object> job = JobJson.extraction(id);
    create(job);
    Users.OPERATOR
        .api()
        .contentType(ContentType.JSON)
        .body(JobJson.extraction(JobJson.uniqueId("operator-new")))
        .post("/api/jobs")
        .then()
        .statusCode(403);
    Users.OPERATOR
        .api()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(job)
        .put("/api/jobs/" + id)
        .then()
        .statusCode(403);
    Users.OPERATOR.api().header("If-Match", "1").delete("/api/jobs/" + id).then().statusCode(403);

    Users.OPERATOR
        .api()
        .queryParam("reason", "source maintenance")
        .contentType(ContentType.JSON)
        .post("/api/jobs/" + id + "/pause")
        .then()
        .statusCode(200)
        .body("paused", equalTo(true));
    Users.OPERATOR
        .api()
        .contentType(ContentType.JSON)
        .post("/api/jobs/" + id + "/resume")
        .then()
        .statusCode(200)
        .body("paused", equalTo(false));
  }

  @Test
  void theAuditRecordsTheAuthenticatedUserAndTheReason() {
    String id = JobJson.uniqueId("audited");
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .body(JobJson.extraction(id))
        .queryParam("reason", "ticket DATA-42")
        .post("/api/jobs")
        .then()
        .statusCode(201);
    Users.OPERATOR
        .api()
        .queryParam("reason", "source maintenance")
        .contentType(ContentType.JSON)
        .post("/api/jobs/" + id + "/pause")
        .then()
        .statusCode(200);

    Users.VIEWER
        .api()
        .queryParam("entityKind", "job")
        .queryParam("entityId", id)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2))
        .body("items[0].actor", equalTo("operator"))
        .body("items[0].action", equalTo("job.pause"))
        .body("items[0].reason", equalTo("source maintenance"))
        .body("items[1].actor", equalTo("admin"))
        .body("items[1].action", equalTo("job.create"))
        .body("items[1].reason", equalTo("ticket DATA-42"));
  }

  @Test
  void listsPageWithACursor() {
    for (int i = 0; i < 3; i++) {
      create(JobJson.extraction(JobJson.uniqueId("paged")));
    }
    String next =
        Users.VIEWER
            .api()
            .queryParam("limit", 2)
            .get("/api/jobs")
            .then()
            .statusCode(200)
            .body("items.size()", equalTo(2))
            .extract()
            .path("next");
    org.assertj.core.api.Assertions.assertThat(next).isNotBlank();
    Users.VIEWER
        .api()
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .get("/api/jobs")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
  }

  static void create(Map<String, Object> job) {
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .body(job)
        .post("/api/jobs")
        .then()
        .statusCode(201);
  }
}
