package io.lakeops.web.pages;

import io.lakeops.control.overview.JobFacts;
import io.lakeops.domain.Freshness;
import java.time.Instant;
import java.util.Optional;

/**
 * An extracted table's line on the dashboard: the newest window in the lake, its age, and whether
 * that keeps up with the job's schedule (see {@link Freshness}).
 */
record FreshnessView(
    String job,
    String table,
    String schedule,
    Instant asOf,
    String age,
    Instant due,
    String status,
    String css) {

  static Optional<FreshnessView> of(JobFacts facts) {
    if (facts.freshness().isEmpty() || facts.job().extraction() == null) {
      return Optional.empty();
    }
    Freshness f = facts.freshness().get();
    var extraction = facts.job().extraction();
    return Optional.of(
        new FreshnessView(
            facts.job().id().value(),
            extraction.source() + "." + extraction.table(),
            Display.scheduleText(facts.job()),
            f.asOf(),
            Display.age(f.age()),
            f.due(),
            label(f.status()),
            css(f.status())));
  }

  private static String label(Freshness.Status status) {
    return switch (status) {
      case ON_TIME -> "on time";
      case LATE -> "late";
      case STALE -> "stale";
      case NEVER -> "no run succeeded yet";
      case PAUSED -> "paused";
    };
  }

  private static String css(Freshness.Status status) {
    return switch (status) {
      case ON_TIME -> "ok";
      case LATE -> "warn";
      case STALE -> "bad";
      case NEVER, PAUSED -> "idle";
    };
  }
}
