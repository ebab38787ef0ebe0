package io.lakeops.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lakeops.web.HeadlessChrome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator's first look at the demo lake in a real headless Chromium: log in, read the dashboard
 * with live figures and charts (wide and on a phone's width), run a job now and watch the run
 * succeed. Screenshots go to {@code target/screenshots/}.
 */
final class DashboardTour {
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  private final ConsoleProcess console;
  private final HeadlessChrome chrome;

  DashboardTour(ConsoleProcess console, HeadlessChrome chrome) {
    this.console = console;
    this.chrome = chrome;
  }

  void dashboardShowsTheLakeLive() throws Exception {
    chrome.windowSize(1366, 1400);
    chrome.logIn(console.url("/"), "admin", ConsoleProcess.ADMIN_PASSWORD);
    chrome.open(console.url("/"));
    chrome.script("window.samePage = 'yes'; return null;");
    await("the dashboard's charts draw runs and streaming batches")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                points("durations") > 0
                    && points("rows") > 0
                    && points("throughput") > 0
                    && canvases("durations") > 0
                    && canvases("throughput") > 0);
    assertThat(chrome.text("#glance-pane tr[data-job='shop-orders'] .badge"))
        .as("the job's last run")
        .isNotNull();
    assertThat(chrome.text(".freshness tr[data-job='shop-orders'] td:first-child"))
        .isEqualTo("demo-shop.orders");
    assertThat(chrome.text(".streams tr[data-job='page-clicks'][data-query] td:nth-child(4)"))
        .as("the stream's input rate")
        .endsWith("rows/s");
    chrome.script("document.getElementById('glance-pane').lakeopsOld = true; return null;");
    await("the glance pane is refreshed in place")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                chrome
                    .script(
                        "var p = document.getElementById('glance-pane');"
                            + " return p !== null && p.lakeopsOld === undefined;")
                    .asBoolean());
    assertThat(chrome.script("return window.samePage;").asText())
        .as("without a reload")
        .isEqualTo("yes");
    chrome.screenshot(SCREENSHOTS.resolve("demo-dashboard.png"));

    chrome.windowSize(400, 1400);
    await("the charts fit the narrow window")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                chrome
                    .script("return document.documentElement.scrollWidth <= window.innerWidth + 1;")
                    .asBoolean());
    chrome.screenshot(SCREENSHOTS.resolve("demo-dashboard-narrow.png"));
    chrome.windowSize(1366, 1400);
  }

  /**
   * Runs the job now and follows the run. A run now is refused, with the reason on the page, while
   * the job's scheduled window is due within seconds or the last one still waits for a cluster
   * (docs/scheduler.md); an operator reads it and tries again, and so does the tour.
   */
  void runNowSucceeds(String job) throws Exception {
    List<String> refusals = new ArrayList<>();
    await("the run page after Run now")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(5))
        .until(() -> runNowOnce(job, refusals));
    assertThat(refusals)
        .as("each refusal says why")
        .allMatch(m -> m.contains("due at") || m.contains("still open") || m.contains("try again"));
    await("the run started now succeeds, followed live on its page")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> "succeeded".equals(chrome.text("#run-state")));
    chrome.screenshot(SCREENSHOTS.resolve("demo-run-now.png"));
  }

  private boolean runNowOnce(String job, List<String> refusals) {
    chrome.open(console.url("/jobs/" + job));
    chrome.type("form[action$='/run-now'] input[name=reason]", "browser tour");
    chrome.click("form[action$='/run-now'] button[type=submit]");
    String path =
        await("the answer to Run now")
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> chrome.script("return window.location.pathname;").asText(),
                p -> p.startsWith("/runs/") || p.endsWith("/run-now"));
    if (path.startsWith("/runs/")) {
      return true;
    }
    String refused = chrome.text("p.error");
    System.err.println("DashboardTour: run now refused, trying again: " + refused);
    refusals.add(String.valueOf(refused));
    return false;
  }

  private long points(String chart) {
    return chrome
        .script(
            "var f = document.querySelector('[data-chart=\"' + arguments[0] + '\"]');"
                + " return f ? Number(f.getAttribute('data-points') || 0) : 0;",
            chart)
        .asLong();
  }

  private long canvases(String chart) {
    return chrome
        .script(
            "return document.querySelectorAll('[data-chart=\"' + arguments[0] + '\"] canvas').length;",
            chart)
        .asLong();
  }
}
