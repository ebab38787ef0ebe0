package io.lakeops.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.lakeops.domain.JobId;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.StateStore;
import io.lakeops.testdata.TestRuns;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The console pages render after login, show only what a role may use, and escape text. */
@QuarkusTest
class PagesTest {
  @Inject StateStore store;
  @Inject ScheduleStore schedule;

  @ParameterizedTest
  @EnumSource(Users.class)
  void everyPageRendersForEveryRole(Users user) {
    String id = JobJson.uniqueId("page");
    JobsApiTest.create(JobJson.extraction(id));
    Browser browser = Browser.loggedInAs(user);
    Map<String, String> pages =
        Map.of(
            "/",
            "Runs by state",
            "/clusters",
            "Recent events",
            "/jobs",
            id,
            "/jobs/" + id,
            "Orders from the shop database",
            "/runs",
            "<h1>Runs</h1>",
            "/audit",
            "Export CSV");
    pages.forEach(
        (path, content) ->
            browser
                .get(path)
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString(content))
                .body(containsString(user.name))
                .body(containsString("Log out")));
  }

  @Test
  void aStreamingJobsPageShowsItsLiveProgressAndRefreshesItInPlace() throws Exception {
    String id = JobJson.uniqueId("stream");
    JobsApiTest.create(JobJson.streaming(id));
    Browser viewer = Browser.loggedInAs(Users.VIEWER);
    assertThat(viewer.get("/jobs/" + id).asString())
        .contains("Live progress")
        .contains("No progress published yet");
    Users.VIEWER.api().get("/api/jobs/" + id + "/progress").then().statusCode(404);

    java.nio.file.Path dir =
        java.nio.file.Files.createDirectories(
            java.nio.file.Path.of("target/streaming-test", id, "progress"));
    try (var published = getClass().getResourceAsStream("/progress/page-clicks.json")) {
      java.nio.file.Files.copy(
          published,
          dir.resolve("progress.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    String pane = viewer.get("/jobs/" + id + "/progress").asString();
    assertThat(pane)
        .contains("id=\"progress-pane\" data-pane=\"/jobs/" + id + "/progress\"")
        .contains("page-clicks-aggregates")
        .contains("18.7 rows/s")
        .contains("6.7 s")
        .contains("2026-12-01T14:04:02.452Z")
        .contains("stale: no batch for over a minute")
        .doesNotContain("<html");
    Users.VIEWER
        .api()
        .get("/api/jobs/" + id + "/progress")
        .then()
        .statusCode(200)
        .body("queries[0].name", org.hamcrest.Matchers.equalTo("page-clicks-aggregates"))
        .body("queries[0].latencyMs", org.hamcrest.Matchers.equalTo(6727))
        .body("updatedAt", org.hamcrest.Matchers.equalTo("2026-12-01T14:04:48.722281142Z"));
    String extraction = JobJson.uniqueId("no-progress");
    JobsApiTest.create(JobJson.extraction(extraction));
    assertThat(viewer.get("/jobs/" + extraction).asString()).doesNotContain("Live progress");
  }

  @Test
  void theDashboardSaysNothingOfTheDemoLakeWhenItIsOff() {
    // The demo's own phases are seen on the dashboard in DemoLakeProcessIT.
    assertThat(Browser.loggedInAs(Users.VIEWER).get("/").asString())
        .doesNotContain("id=\"demo-status\"");
  }

  @Test
  void aPathNoResourceServesGetsANotFoundPageNotAServerError() {
    // Browsers ask for /favicon.ico on every page; it is open, so nobody is logged in for it.
    given().get("/favicon.ico").then().statusCode(404).body(containsString("404"));
    Browser.loggedInAs(Users.VIEWER).get("/static/missing.css").then().statusCode(404);
  }

  @Test
  void aJobsPageShowsItsNextWindowAndTheSchedulersAlertEscaped() {
    String id = JobJson.uniqueId("alerted");
    JobsApiTest.create(JobJson.extraction(id));
    ScheduleEntry entry = schedule.findEntry(new JobId(id)).orElseThrow();
    schedule.updateEntry(entry.withAlert("skipped 3 missed windows <script>alert(1)</script>"));

    String page = Browser.loggedInAs(Users.VIEWER).get("/jobs/" + id).asString();

    assertThat(page)
        .contains("Next window", entry.nextDueAt().toString())
        .contains("skipped 3 missed windows &lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)");
  }

  @Test
  void aViewerSeesNoButtonsAndIsRefusedEveryChange() {
    String id = JobJson.uniqueId("viewer-page");
    JobsApiTest.create(JobJson.extraction(id));
    Browser viewer = Browser.loggedInAs(Users.VIEWER);
    viewer.get("/jobs").then().statusCode(200).body(not(containsString("New job")));
    viewer
        .get("/jobs/" + id)
        .then()
        .statusCode(200)
        .body(not(containsString(">Edit<")))
        .body(not(containsString("Delete")))
        .body(not(containsString("Pause")));
    viewer.get("/jobs/_new").then().statusCode(403);
    viewer.get("/jobs/" + id + "/edit").then().statusCode(403);
    String token = viewer.token("/jobs/" + id);
    Map<String, String> job = formOf(JobJson.uniqueId("viewer-made"));
    viewer.post("/jobs", job, token).then().statusCode(403);
    viewer.post("/jobs/" + id, Map.of("id", id, "version", "1"), token).then().statusCode(403);
    viewer.post("/jobs/" + id + "/pause", Map.of(), token).then().statusCode(403);
    viewer.post("/jobs/" + id + "/delete", Map.of("version", "1"), token).then().statusCode(403);
    Users.VIEWER
        .api()
        .get("/api/jobs/" + id)
        .then()
        .statusCode(200)
        .body("version", org.hamcrest.Matchers.equalTo(1));
  }

  @Test
  void anOperatorPausesFromTheConsoleButCannotEdit() {
    String id = JobJson.uniqueId("operator-page");
    JobsApiTest.create(JobJson.extraction(id));
    Browser operator = Browser.loggedInAs(Users.OPERATOR);
    operator
        .get("/jobs/" + id)
        .then()
        .statusCode(200)
        .body(containsString("Pause"))
        .body(not(containsString(">Edit<")));
    String token = operator.token("/jobs/" + id);
    operator
        .post("/jobs/" + id + "/pause", Map.of("reason", "source is down"), token)
        .then()
        .statusCode(303);
    Users.VIEWER
        .api()
        .get("/api/jobs/" + id)
        .then()
        .body("paused", org.hamcrest.Matchers.equalTo(true));
    operator.post("/jobs", formOf(JobJson.uniqueId("operator-made")), token).then().statusCode(403);
    operator.get("/jobs/_new").then().statusCode(403);
  }

  @Test
  void theFormOffersTheConfiguredSourcesAndPoolsAsChoices() {
    String form = Browser.loggedInAs(Users.ADMIN).get("/jobs/_new").asString();
    assertThat(form)
        .contains("<select name=\"extraction.source\">")
        .contains("<option value=\"shop\">shop</option>")
        .contains("<select name=\"pool\">");
  }

  @Test
  void aFormPostWithoutItsCsrfTokenIsRefused() {
    Browser admin = Browser.loggedInAs(Users.ADMIN);
    String token = admin.token("/jobs/_new");
    int before = JobDefinitionRefusalTest.jobCount();
    String id = JobJson.uniqueId("csrf");
    admin.post("/jobs", formOf(id), null).then().statusCode(400);
    admin.post("/jobs", formOf(id), "forged-" + token.substring(7)).then().statusCode(400);
    assertThat(JobDefinitionRefusalTest.jobCount()).isEqualTo(before);

    admin
        .post("/jobs", formOf(id), token)
        .then()
        .statusCode(303)
        .header("Location", containsString("/jobs/" + id));
    Users.VIEWER.api().get("/api/jobs/" + id).then().statusCode(200);
  }

  @Test
  void anAdminEditsAndDeletesWithTheForm() {
    Browser admin = Browser.loggedInAs(Users.ADMIN);
    String id = JobJson.uniqueId("form");
    String token = admin.token("/jobs/_new");
    Map<String, String> form = new java.util.HashMap<>(formOf(id));
    form.put("reason", "ticket DATA-7");
    admin.post("/jobs", form, token).then().statusCode(303);
    admin
        .get("/jobs/" + id + "/edit")
        .then()
        .statusCode(200)
        .body(containsString("value=\"orders\""))
        .body(containsString("name=\"version\" value=\"1\""));
    form.put("schedule", "every 15m");
    form.put("version", "1");
    admin.post("/jobs/" + id, form, token).then().statusCode(303);
    Users.VIEWER
        .api()
        .get("/api/jobs/" + id)
        .then()
        .body("schedule", org.hamcrest.Matchers.equalTo("every 15m"));
    // A form opened before that change is now stale.
    admin
        .post("/jobs/" + id, form, token)
        .then()
        .statusCode(409)
        .body(containsString("Someone changed this job"));
    admin
        .post("/jobs/" + id + "/delete", Map.of("version", "2", "reason", "replaced"), token)
        .then()
        .statusCode(303);
    Users.VIEWER.api().get("/api/jobs/" + id).then().statusCode(404);
    Users.VIEWER
        .api()
        .queryParam("entityId", id)
        .get("/api/audit")
        .then()
        .body(
            "items.actor", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("admin")))
        .body("items.reason", org.hamcrest.Matchers.hasItems("ticket DATA-7", "replaced"));
  }

  @Test
  void aRefusedFormComesBackWithTheErrorsNextToTheFieldsAndTheInputEscaped() {
    Browser admin = Browser.loggedInAs(Users.ADMIN);
    String token = admin.token("/jobs/_new");
    String id = JobJson.uniqueId("refused-form");
    Map<String, String> form = new java.util.HashMap<>(formOf(id));
    form.put("extraction.table", "orders; DROP TABLE x");
    form.put("description", "<b>bold</b>");
    form.put("extraction.parallelism", "four");
    Response page = admin.post("/jobs", form, token);
    page.then()
        .statusCode(400)
        .contentType(ContentType.HTML)
        .body(containsString("must be a plain SQL identifier"))
        .body(containsString("must be plain text, without markup or script"))
        .body(containsString("must be a whole number"))
        .body(containsString("value=\"orders; DROP TABLE x\""))
        .body(containsString("&lt;b&gt;bold&lt;/b&gt;"))
        .body(not(containsString("<b>bold</b>")));
    Users.VIEWER.api().get("/api/jobs/" + id).then().statusCode(404);
  }

  @Test
  void textTypedByPeopleIsRenderedEscapedOnTheAuditPage() {
    String id = JobJson.uniqueId("escaped");
    Users.ADMIN
        .api()
        .contentType(ContentType.JSON)
        .queryParam("reason", "<b>x</b><script>alert(1)</script>")
        .body(JobJson.extraction(id))
        .post("/api/jobs")
        .then()
        .statusCode(201);
    Browser viewer = Browser.loggedInAs(Users.VIEWER);
    for (String page : new String[] {"/audit?entityId=" + id, "/", "/jobs/" + id}) {
      viewer
          .get(page)
          .then()
          .statusCode(200)
          .body(containsString("&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
          .body(not(containsString("<script>alert(1)")));
    }
  }

  @Test
  void runsArePagedWithTheFiltersInTheNextLink() {
    String job = JobJson.uniqueId("runs-page");
    for (int i = 0; i < 3; i++) {
      store.createRunIfAbsent(TestRuns.aRun().job(job).at("2026-11-26T1" + i + ":00:00Z").build());
    }
    Browser viewer = Browser.loggedInAs(Users.VIEWER);
    String first =
        viewer
            .get("/runs?job=" + job + "&state=scheduled&limit=2")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(first)
        .contains(job + "~20261126t120000z", job + "~20261126t110000z")
        .doesNotContain(job + "~20261126t100000z");
    Matcher next = Pattern.compile("href=\"(/runs\\?[^\"]*cursor=[^\"]*)\"").matcher(first);
    assertThat(next.find()).isTrue();
    String link = next.group(1).replace("&amp;", "&");
    assertThat(link).contains("job=" + job).contains("state=scheduled");
    String second = viewer.get(link).then().statusCode(200).extract().asString();
    assertThat(second)
        .contains(job + "~20261126t100000z")
        .doesNotContain(job + "~20261126t120000z");
  }

  @Test
  void aBadFilterIsA400Page() {
    Browser viewer = Browser.loggedInAs(Users.VIEWER);
    viewer
        .get("/runs?state=bogus")
        .then()
        .statusCode(400)
        .contentType(ContentType.HTML)
        .body(containsString("state must be one of"));
  }

  @Test
  void logoutEndsTheSession() {
    Browser admin = Browser.loggedInAs(Users.ADMIN);
    String token = admin.token("/");
    admin
        .post("/logout", Map.of(), token)
        .then()
        .statusCode(303)
        .header("Location", containsString("/login"));
    admin.get("/jobs").then().statusCode(302).header("Location", containsString("/login"));
  }

  static Map<String, String> formOf(String id) {
    return Map.of(
        "id", id,
        "kind", "extraction",
        "pool", "small",
        "schedule", "every 5m",
        "description", "Orders from the form",
        "extraction.source", "shop",
        "extraction.table", "orders",
        "extraction.keyColumns", "id",
        "extraction.watermarkColumn", "updated_at");
  }
}
