package io.lakeops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The run page in a real browser: its status follows the run in the store without a reload, and
 * once the run has finished the buttons change with it.
 */
@QuarkusTest
class RunPageBrowserTest {
  @Inject StoredRuns runs;

  @TestHTTPResource("/")
  URL base;

  @Test
  void theStatusFollowsTheRunWithoutAReloadAndTheButtonsChangeWhenItFinishes() throws Exception {
    // CI installs the browser (.ci/run) and must never skip this; elsewhere it may be missing.
    boolean ci = "true".equals(System.getenv("CI"));
    if (ci) {
      assertThat(HeadlessChrome.installed()).as("chromium and chromedriver in CI").isTrue();
    }
    assumeTrue(HeadlessChrome.installed(), "needs chromium and chromedriver (Debian packages)");
    JobRun run = runs.scheduled(StoredRuns.job("browser"));

    try (HeadlessChrome chrome = new HeadlessChrome()) {
      chrome.logIn(base.toString(), Users.OPERATOR.name, Users.OPERATOR.password);
      chrome.open(base + "runs/" + run.id());
      assertThat(chrome.text("#run-state")).isEqualTo("scheduled");
      assertThat(visible(chrome, "unfinished")).isTrue();
      assertThat(visible(chrome, "finished")).isFalse();
      chrome.script("window.samePage = 'yes'; return null;");

      JobRun submitted = runs.moved(run, RunState.SUBMITTED);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> "submitted".equals(chrome.text("#run-state")));
      runs.moved(runs.moved(submitted, RunState.RUNNING), RunState.CANCELLED);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> "cancelled".equals(chrome.text("#run-state")));

      assertThat(chrome.script("return window.samePage;").asText()).isEqualTo("yes");
      assertThat(visible(chrome, "unfinished")).isFalse();
      assertThat(visible(chrome, "finished")).isTrue();
    }
  }

  /** Whether the form shown when the run is {@code when} is displayed (not just present). */
  private static boolean visible(HeadlessChrome chrome, String when) {
    return chrome
        .script(
            "var form = document.querySelector('[data-show-when="
                + when
                + "]');"
                + " return getComputedStyle(form).display !== 'none';")
        .asBoolean();
  }
}
