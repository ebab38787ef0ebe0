package io.lakeops.web.pages;

import io.lakeops.domain.JobRun;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.LogPage;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.SubmitterUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A page of a run's batch log from its cluster's Livy, the newest lines unless an older page is
 * asked for. A cluster that is gone or a Livy that does not answer is said in words: the run page
 * must render anyway.
 */
@ApplicationScoped
class LogTail {
  static final int PAGE = 100;
  private static final Logger LOG = Logger.getLogger(LogTail.class);

  private final SparkSubmitter submitter;
  private final ClusterStore clusters;

  /**
   * One page of the log.
   *
   * @param text the lines, or empty with {@code problem} saying why there are none
   * @param older link to the page before, null at the start
   * @param newer link to the page after, null at the end
   */
  public record View(
      String text, int from, int to, int total, String older, String newer, String problem) {
    static View problem(String why) {
      return new View("", 0, 0, 0, null, null, why);
    }
  }

  LogTail(SparkSubmitter submitter, ClusterStore clusters) {
    this.submitter = submitter;
    this.clusters = clusters;
  }

  /** The page starting at line {@code from}, or the last page when {@code from} is empty. */
  View of(JobRun run, Optional<Integer> from) {
    if (run.submissionId() == null || run.cluster() == null) {
      return View.problem("No batch has been submitted for this attempt yet.");
    }
    Optional<String> endpoint =
        clusters.findCluster(run.cluster()).map(c -> c.endpoint()).filter(e -> !e.isBlank());
    if (endpoint.isEmpty()) {
      return View.problem("Cluster " + run.cluster() + " is gone; its log went with it.");
    }
    try {
      LogPage page = read(endpoint.get(), run.submissionId(), from);
      if (page.total() == 0 && page.lines().isEmpty()) {
        return View.problem("Livy has no log for batch " + run.submissionId() + " (any more).");
      }
      int to = page.from() + page.lines().size();
      String here = "/runs/" + run.id().value() + "?log=";
      return new View(
          String.join("\n", page.lines()),
          page.from(),
          to,
          page.total(),
          page.from() > 0 ? here + Math.max(0, page.from() - PAGE) : null,
          to < page.total() ? here + to : null,
          null);
    } catch (SubmitterUnavailableException e) {
      return View.problem("Livy on cluster " + run.cluster() + " did not answer; try again later.");
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not read the log of run %s", run.id());
      return View.problem("The log could not be read; the console's log says why.");
    }
  }

  private LogPage read(String endpoint, String batch, Optional<Integer> from) {
    if (from.isPresent()) {
      return submitter.log(endpoint, batch, from.get(), PAGE);
    }
    LogPage first = submitter.log(endpoint, batch, 0, PAGE);
    return first.total() <= PAGE
        ? first
        : submitter.log(endpoint, batch, first.total() - PAGE, PAGE);
  }
}
