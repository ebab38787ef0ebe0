package io.lakeops.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.JobRun;
import io.lakeops.ports.LogPage;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.Submission;
import io.lakeops.ports.SubmissionStatus;
import io.lakeops.ports.SubmitRequest;
import io.lakeops.ports.SubmitterUnavailableException;
import io.lakeops.testdata.EmbeddedStores;
import io.lakeops.testdata.MutableClock;
import io.lakeops.testdata.TestClusters;
import io.lakeops.testdata.TestRuns;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The run page's log: the newest lines first, older and newer pages, and words when there is none.
 */
class LogTailTest {
  private final MutableClock clock = MutableClock.at("2026-11-26T12:00:05Z");
  private final EmbeddedStores stores = EmbeddedStores.fresh(clock);

  /** An endpoint whose batches have {@code lines} numbered log lines. */
  private static SparkSubmitter livyWithLog(int lines) {
    return logOnly(
        (from, size) ->
            new LogPage(
                from,
                lines,
                IntStream.range(from, Math.min(lines, from + size))
                    .mapToObj(i -> "line " + i)
                    .toList()));
  }

  /** An endpoint that answers log requests only. */
  private static SparkSubmitter logOnly(BiFunction<Integer, Integer, LogPage> log) {
    return new SparkSubmitter() {
      @Override
      public LogPage log(String endpoint, String submissionId, int from, int size) {
        return log.apply(from, size);
      }

      @Override
      public Submission submit(String endpoint, SubmitRequest request) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean answers(String endpoint) {
        throw new UnsupportedOperationException();
      }

      @Override
      public SubmissionStatus status(String endpoint, String submissionId) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<Submission> findByName(String endpoint, String name) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void kill(String endpoint, String submissionId) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private JobRun submittedRun() {
    stores.state().createCluster(TestClusters.aCluster().id("c1").ready("http://127.0.0.1:8998"));
    JobRun run = stores.state().createRunIfAbsent(TestRuns.aRun().build()).value();
    return stores.state().updateRun(run.submitted(new ClusterId("c1"), "7", clock.instant()));
  }

  @Test
  void theNewestLinesComeFirstWithALinkToOlderOnes() {
    JobRun run = submittedRun();

    LogTail.View tail = new LogTail(livyWithLog(250), stores.state()).of(run, Optional.empty());

    assertThat(tail.problem()).isNull();
    assertThat(tail.from()).isEqualTo(150);
    assertThat(tail.to()).isEqualTo(250);
    assertThat(tail.text()).startsWith("line 150\n").endsWith("line 249");
    assertThat(tail.older()).isEqualTo("/runs/" + run.id() + "?log=50");
    assertThat(tail.newer()).isNull();
  }

  @Test
  void anOlderPageLinksBothWays() {
    JobRun run = submittedRun();

    LogTail.View page = new LogTail(livyWithLog(250), stores.state()).of(run, Optional.of(50));

    assertThat(page.text()).startsWith("line 50\n").endsWith("line 149");
    assertThat(page.older()).isEqualTo("/runs/" + run.id() + "?log=0");
    assertThat(page.newer()).isEqualTo("/runs/" + run.id() + "?log=150");
  }

  @Test
  void anUnreachableLivyOrNoBatchIsSaidInWords() {
    JobRun run = submittedRun();
    SparkSubmitter down =
        logOnly(
            (from, size) -> {
              throw new SubmitterUnavailableException("connection refused", null);
            });

    assertThat(new LogTail(down, stores.state()).of(run, Optional.empty()).problem())
        .contains("did not answer");
    assertThat(
            new LogTail(down, stores.state())
                .of(TestRuns.aRun().at("2026-11-26T13:00:00Z").build(), Optional.empty())
                .problem())
        .contains("No batch has been submitted");
  }
}
