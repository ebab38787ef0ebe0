package io.lakeops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The audit log as CSV, from the API and from the console. */
@QuarkusTest
class AuditExportTest {

  @Test
  void theCsvHoldsEveryMatchingEntryQuotedAndDefused() {
    String id = JobJson.uniqueId("csv");
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .queryParam("reason", "=HYPERLINK(\"http://evil\",\"click\"), then \"quoted\"")
        .body(JobJson.extraction(id))
        .post("/api/jobs")
        .then()
        .statusCode(201);
    Users.OPERATOR
        .api()
        .contentType(ContentType.JSON)
        .post("/api/jobs/" + id + "/pause")
        .then()
        .statusCode(200);

    String csv =
        Users.VIEWER
            .api()
            .queryParam("entityKind", "job")
            .queryParam("entityId", id)
            .get("/api/audit.csv")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .header("Content-Disposition", containsString("attachment"))
            .extract()
            .asString();
    String[] lines = csv.split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "\"sequence\",\"at\",\"actor\",\"action\",\"entityKind\",\"entityId\",\"version\","
                + "\"reason\",\"before\",\"after\"");
    assertThat(csv).contains("\"operator\",\"job.pause\",\"JOB\",\"" + id + "\"");
    assertThat(csv)
        .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\"), then \"\"quoted\"\"\"");
    assertThat(lines).hasSize(3);
  }

  @Test
  void theConsoleOffersTheSameExport() {
    String id = JobJson.uniqueId("csv-page");
    JobsApiTest.create(JobJson.extraction(id));
    Browser viewer = Browser.loggedInAs(Users.VIEWER);
    viewer
        .get("/audit?entityId=" + id)
        .then()
        .statusCode(200)
        .body(containsString("/audit/export.csv?entityId=" + id));
    String csv =
        viewer.get("/audit/export.csv?entityId=" + id).then().statusCode(200).extract().asString();
    assertThat(csv).contains("\"admin\",\"job.create\",\"JOB\",\"" + id + "\"");
  }
}
