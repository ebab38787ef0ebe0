package io.lakeops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's page, its live status section, and the operators' buttons on it and on the job. */
@QuarkusTest
class RunPageTest {
  private static final String REPORT =
      "{\"passed\":false,\"checks\":["
          + "{\"name\":\"key_not_null\",\"severity\":\"FAIL\",\"passed\":true,\"observed\":\"0 rows\"},"
          + "{\"name\":\"row_count_anomaly\",\"severity\":\"WARN\",\"passed\":false,"
          + "\"observed\":\"<b>900</b> rows, recent 100\"}]}";

  @Inject StoredRuns runs;

  @Test
  void theRunPageShowsTheRunItsJobResultAndDataQualityTable() {
    String job = StoredRuns.job("page-run");
    JobRun done = runs.succeeded(runs.scheduled(job), REPORT);

    String page =
        Browser.loggedInAs(Users.VIEWER)
            .get("/runs/" + done.id())
            .then()
            .statusCode(200)
            .contentType(ContentType.HTML)
            .extract()
            .asString();

    assertThat(page)
        .contains("<a href=\"/jobs/" + job + "\">" + job + "</a>")
        .contains("succeeded", "attempt 1", "Livy batch", ">4<", "120 read, 118 written")
        .contains("2026-11-26T11:59:58Z", "added column note")
        .contains("<table class=\"quality\">", "<code>row_count_anomaly</code>", ">warn<")
        .contains("&lt;b&gt;900&lt;/b&gt; rows")
        .doesNotContain("<b>900</b>")
        .contains("Timeline", "created", "finished, attempt 1")
        .contains("Cluster gone-cluster is gone") // the log section, not a failure
        .doesNotContain("Re-run", "Cancel</button>"); // a viewer gets no buttons
  }

  @Test
  void aHostileFailureMessageAndAnUnreadableReportAreShownEscaped() {
    String job = StoredRuns.job("page-hostile");
    JobRun failed = runs.failed(runs.scheduled(job), "<script>alert('run')</script>");
    JobRun odd = runs.succeeded(runs.scheduled(job, "2026-11-26T12:05:00Z"), "<i>not json</i>");
    Browser viewer = Browser.loggedInAs(Users.VIEWER);

    viewer
        .get("/runs/" + failed.id())
        .then()
        .statusCode(200)
        .body(containsString("&lt;script&gt;alert(&#39;run&#39;)&lt;/script&gt;"))
        .body(not(containsString("<script>alert")));
    viewer
        .get("/runs/" + odd.id())
        .then()
        .statusCode(200)
        .body(containsString("<pre class=\"report\">&lt;i&gt;not json&lt;/i&gt;</pre>"));
  }

  @Test
  void anUnreachableLivyIsSaidInWordsAndTheLogPageParameterIsChecked() {
    String job = StoredRuns.job("page-log");
    runs.unreachableCluster(job + "-c");
    JobRun running =
        runs.moved(runs.submitted(runs.scheduled(job), job + "-c", "7"), RunState.RUNNING);
    Browser viewer = Browser.loggedInAs(Users.VIEWER);

    viewer
        .get("/runs/" + running.id())
        .then()
        .statusCode(200)
        .body(containsString("did not answer; try again later"))
        .body(containsString("data-finished=\"false\""))
        .body(containsString("/static/live-panes.js"));
    viewer.get("/runs/" + running.id() + "?log=-1").then().statusCode(400);
    viewer.get("/runs/nope~20261126t120000z").then().statusCode(404);
  }

  @Test
  void theStatusSectionAloneShowsTheCurrentState() {
    JobRun scheduled = runs.scheduled(StoredRuns.job("page-status"));
    Browser viewer = Browser.loggedInAs(Users.VIEWER);

    String before = viewer.get("/runs/" + scheduled.id() + "/status").asString();
    runs.moved(scheduled, RunState.SUBMITTED);
    String after = viewer.get("/runs/" + scheduled.id() + "/status").asString();

    assertThat(before)
        .startsWith("<section id=\"run-status\"")
        .contains(">scheduled</span>", "data-finished=\"false\"")
        .doesNotContain("<html", "Log out");
    assertThat(after).contains(">submitted</span>");
    runs.moved(runs.reload(scheduled), RunState.CANCELLED);
    assertThat(viewer.get("/runs/" + scheduled.id() + "/status").asString())
        .contains("data-finished=\"true\"");
  }

  @Test
  void anOperatorRerunsAndCancelsWithTheFormsAndTheReasonIsKept() {
    String job = StoredRuns.job("page-forms");
    JobRun failed = runs.failed(runs.scheduled(job), "exit 3");
    Browser operator = Browser.loggedInAs(Users.OPERATOR);
    String page = "/runs/" + failed.id();
    operator.get(page).then().body(containsString("Re-run")).body(containsString("Cancel"));
    String token = operator.token(page);

    operator
        .post(page + "/rerun", Map.of("reason", "<script>x</script> retry"), token)
        .then()
        .statusCode(303)
        .header("Location", containsString(page));
    assertThat(runs.reload(failed).attempt()).isEqualTo(2);
    operator.post(page + "/cancel", Map.of("reason", "wrong window"), token).then().statusCode(303);
    assertThat(runs.reload(failed).state()).isEqualTo(RunState.CANCELLED);

    operator
        .get(page)
        .then()
        .body(containsString("run.rerun"))
        .body(containsString("&lt;script&gt;x&lt;/script&gt; retry"))
        .body(containsString("run.cancel"))
        .body(containsString("wrong window"));
    operator.post(page + "/cancel", Map.of(), token).then().statusCode(409);
  }

  @Test
  void formsWithoutTheirTokenOrFromAViewerChangeNothing() {
    String job = StoredRuns.job("page-refused");
    JobRun failed = runs.failed(runs.scheduled(job), "exit 3");
    String page = "/runs/" + failed.id();
    Browser operator = Browser.loggedInAs(Users.OPERATOR);
    operator.token(page);
    Browser viewer = Browser.loggedInAs(Users.VIEWER);
    String viewerToken = viewer.token("/jobs/" + job);

    operator.post(page + "/rerun", Map.of("reason", "no token"), null).then().statusCode(400);
    operator.post("/jobs/" + job + "/run-now", Map.of(), null).then().statusCode(400);
    viewer.post(page + "/rerun", Map.of(), viewerToken).then().statusCode(403);
    viewer.post(page + "/cancel", Map.of(), viewerToken).then().statusCode(403);
    viewer.post("/jobs/" + job + "/run-now", Map.of(), viewerToken).then().statusCode(403);

    assertThat(runs.reload(failed)).isEqualTo(failed);
    Users.VIEWER
        .api()
        .queryParam("job", job)
        .get("/api/runs")
        .then()
        .body("items.size()", org.hamcrest.Matchers.equalTo(1));
  }

  @Test
  void anOperatorRunsAJobNowFromItsPageAndLandsOnTheNewRun() {
    String job = StoredRuns.job("page-run-now");
    Browser operator = Browser.loggedInAs(Users.OPERATOR);
    operator.get("/jobs/" + job).then().body(containsString("Run now"));
    Browser.loggedInAs(Users.VIEWER)
        .get("/jobs/" + job)
        .then()
        .body(not(containsString("Run now")));
    String token = operator.token("/jobs/" + job);

    String location =
        operator
            .post("/jobs/" + job + "/run-now", Map.of("reason", "month-end close"), token)
            .then()
            .statusCode(303)
            .header("Location", containsString("/runs/" + job + "~"))
            .extract()
            .header("Location");

    operator
        .get(location.substring(location.indexOf("/runs/")))
        .then()
        .statusCode(200)
        .body(containsString("run.run-now"))
        .body(containsString("month-end close"));
    operator.get("/jobs/" + job).then().body(containsString("<a href=\"/runs/" + job + "~"));
  }
}
