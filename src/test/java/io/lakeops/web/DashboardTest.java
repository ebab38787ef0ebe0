package io.lakeops.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.JobRun;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard at a glance: a job's health and alerts, its table's freshness, a stream's rates,
 * and the figures its charts draw, from a bundled chart library.
 */
@QuarkusTest
class DashboardTest {
  @Inject StoredRuns runs;

  @Test
  void aFailedRunIsAnAlertOnTheJobsLineInTheJobsOwnWordsEscaped() {
    String job = StoredRuns.job("a0-dash-fail");
    runs.failed(runs.scheduled(job, now()), "Access denied for user <shop>");

    String glance = viewer().get("/dashboard/glance").then().statusCode(200).extract().asString();

    String line = line(glance, job);
    assertThat(line)
        .contains("class=\"level-bad\"", ">failed<")
        .contains("Last run failed: Access denied for user &lt;shop&gt;")
        .contains("0 of 1 succeeded");

    // The page carries the same pane, rendered once and shared: still escaped, inside the page.
    String page = viewer().get("/").then().statusCode(200).extract().asString();
    assertThat(line(page, job)).isEqualTo(line);
    assertThat(page)
        .doesNotContain("Access denied for user <shop>")
        .containsOnlyOnce("id=\"glance-pane\"")
        .containsOnlyOnce("id=\"activity-pane\"");
  }

  @Test
  void aSucceededRunMakesItsTableFreshAndIsChartedWithItsDurationAndRows() {
    String job = StoredRuns.job("a0-dash-ok");
    JobRun done = runs.succeeded(runs.scheduled(job, now()), "");

    String glance = viewer().get("/dashboard/glance").then().statusCode(200).extract().asString();

    assertThat(line(glance, job))
        .contains(">succeeded<", "1 of 1 succeeded", "Schema changed: added column note");
    String freshness = glance.substring(glance.indexOf("<table class=\"freshness\">"));
    assertThat(line(freshness, job))
        .contains("<code>shop.orders</code>", "cron 0 0 1 1 *", done.scheduledFor().toString())
        .contains("<span class=\"badge ok\">on time</span>");

    JsonPath figures =
        viewer()
            .get("/dashboard/figures")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .extract()
            .jsonPath();
    List<Map<String, Object>> points = figures.getList("runs.findAll { it.job == '" + job + "' }");
    assertThat(points).hasSize(1);
    assertThat(points.get(0)).containsEntry("rows", 118).containsEntry("state", "succeeded");
    assertThat(((Number) points.get(0).get("seconds")).doubleValue()).isGreaterThanOrEqualTo(0.0);
    assertThat(((Number) points.get(0).get("at")).longValue())
        .isEqualTo(runs.reload(done).timings().finished().getEpochSecond());
  }

  @Test
  void aStreamShowsItsRatesItsRecentBatchesAndStaleProgressAsAnAlert() throws Exception {
    String job = JobJson.uniqueId("a0-dash-stream");
    JobsApiTest.create(JobJson.streaming(job));
    Path progress = Files.createDirectories(Path.of("target/streaming-test", job, "progress"));
    try (var in = getClass().getResourceAsStream("/progress/page-clicks.json")) {
      Files.write(progress.resolve("progress.json"), in.readAllBytes());
    }

    String glance = viewer().get("/dashboard/glance").then().statusCode(200).extract().asString();

    String streams = glance.substring(glance.indexOf("<table class=\"streams\">"));
    assertThat(line(streams, job))
        .contains("<code>page-clicks-aggregates</code>", "18.7 rows/s", "17.5 rows/s", "6.7 s");
    // The file was published long ago: the stream is stopped or stuck.
    assertThat(line(glance, job)).contains("class=\"level-bad\"", "No progress published since");

    JsonPath figures =
        viewer().get("/dashboard/figures").then().statusCode(200).extract().jsonPath();
    List<Map<String, Object>> batches =
        figures.getList(
            "streams.find { it.job == '"
                + job
                + "' && it.query == 'page-clicks-aggregates' }.batches");
    assertThat(batches).extracting(b -> b.get("at")).hasSize(3);
    assertThat(batches.get(2)).containsEntry("latencyMs", 6727);
    assertThat(batches.get(1).get("processed")).isNull();
  }

  @Test
  void theChartsAreDrawnWithALibraryTheConsoleServesItself() {
    String page = viewer().get("/").then().statusCode(200).extract().asString();
    assertThat(page)
        .contains("data-chart=\"durations\"", "data-chart=\"rows\"", "data-chart=\"throughput\"")
        .contains("<script src=\"/webjars/uplot/dist/uPlot.iife.min.js\"")
        .as("nothing is loaded from another host")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
    assertThat(
            viewer()
                .get("/webjars/uplot/dist/uPlot.iife.min.js")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .contains("uPlot");
    assertThat(
            viewer().get("/static/dashboard-charts.js").then().statusCode(200).extract().asString())
        .contains("new uPlot(");
    // Only for those logged in, like every page.
    RestAssured.given().redirects().follow(false).get("/dashboard/figures").then().statusCode(302);
  }

  private static Browser viewer() {
    return Browser.loggedInAs(Users.VIEWER);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The table row of {@code job} in {@code html}. */
  private static String line(String html, String job) {
    int at = html.indexOf("<tr data-job=\"" + job + "\"");
    assertThat(at).as("a line for " + job).isNotNegative();
    return html.substring(at, html.indexOf("</tr>", at));
  }
}
