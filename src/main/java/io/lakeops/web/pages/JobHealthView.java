package io.lakeops.web.pages;

import io.lakeops.control.overview.JobFacts;
import io.lakeops.domain.Freshness;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.domain.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One job's line on the dashboard: its latest run, how its recent runs went, and what needs an
 * operator's eye (a failure, a table behind schedule, a schema change, a warning check, a stream
 * that stopped publishing or drops events), worst first.
 *
 * @param level {@code bad}, {@code warn}, {@code ok} or {@code idle}, as badges are coloured
 */
record JobHealthView(
    String job,
    String kind,
    String pool,
    String lastState,
    String lastCss,
    Instant lastAt,
    String recent,
    String level,
    List<Alert> alerts) {
  private static final int MESSAGE_LENGTH = 160;

  /** A reason to look, {@code bad} or {@code warn}. */
  record Alert(String level, String text) {}

  static JobHealthView of(JobFacts facts, Instant now) {
    List<Alert> alerts = new ArrayList<>();
    JobRun last = facts.lastRun().orElse(null);
    long failed =
        facts.recentRuns().stream()
            .filter(r -> r.state() == RunState.FAILED || r.state() == RunState.LOST)
            .count();
    if (last != null && last.state() == RunState.FAILED) {
      alerts.add(new Alert("bad", "Last run failed: " + message(last)));
    } else if (failed > 0) {
      alerts.add(
          new Alert(
              "warn",
              failed + " of the last " + facts.recentRuns().size() + " runs failed or were lost"));
    }
    facts.freshness().ifPresent(f -> freshnessAlert(f).ifPresent(alerts::add));
    facts
        .lastSucceeded()
        .ifPresent(
            run -> {
              String change = run.result() == null ? null : run.result().schemaChange();
              if (change != null && !change.isBlank()) {
                alerts.add(
                    new Alert("warn", "Schema changed: " + Text.truncate(change, MESSAGE_LENGTH)));
              }
              warnings(run).forEach(alerts::add);
            });
    if (facts.job().kind() == JobKind.STREAMING && !facts.job().paused()) {
      facts.progress().ifPresent(p -> streamAlerts(ProgressView.of(p, now)).forEach(alerts::add));
    }
    alerts.sort((a, b) -> a.level().equals(b.level()) ? 0 : a.level().equals("bad") ? -1 : 1);
    String level =
        !alerts.isEmpty()
            ? alerts.get(0).level()
            : last != null && last.state().stateClass() != io.lakeops.domain.StateClass.FAILURE
                ? "ok"
                : "idle";
    return new JobHealthView(
        facts.job().id().value(),
        Display.label(facts.job().kind()),
        facts.job().pool().value(),
        last == null ? "no run yet" : Display.label(last.state()),
        last == null ? "idle" : Display.badge(last.state()),
        last == null ? null : last.updatedAt(),
        facts.job().kind() == JobKind.STREAMING
            ? streamingText(facts.recentRuns())
            : recentText(facts.recentRuns()),
        facts.job().paused() && alerts.isEmpty() ? "idle" : level,
        alerts);
  }

  /** Worst first: a line with a bad alert, then a warning, then the rest, each by job id. */
  static int worstFirst(JobHealthView a, JobHealthView b) {
    int byLevel = Integer.compare(rank(a.level), rank(b.level));
    return byLevel != 0 ? byLevel : a.job.compareTo(b.job);
  }

  private static int rank(String level) {
    return switch (level) {
      case "bad" -> 0;
      case "warn" -> 1;
      default -> 2;
    };
  }

  private static String recentText(List<JobRun> runs) {
    if (runs.isEmpty()) {
      return "—";
    }
    long ok = runs.stream().filter(r -> r.state() == RunState.SUCCEEDED).count();
    return ok + " of " + runs.size() + " succeeded";
  }

  /** A streaming job's runs only end when it stops: each one after the first is a restart. */
  private static String streamingText(List<JobRun> runs) {
    return switch (runs.size()) {
      case 0 -> "—";
      case 1 -> "1 run";
      default -> runs.size() + " runs (restarted " + (runs.size() - 1) + "×)";
    };
  }

  private static String message(JobRun run) {
    String why = run.failures() == null ? null : run.failures().message();
    return why == null || why.isBlank() ? "no reason given" : Text.truncate(why, MESSAGE_LENGTH);
  }

  private static java.util.Optional<Alert> freshnessAlert(Freshness f) {
    return switch (f.status()) {
      case STALE ->
          java.util.Optional.of(
              new Alert(
                  "bad", "The lake is " + Display.age(f.age()) + " old: several windows behind"));
      case LATE ->
          java.util.Optional.of(
              new Alert("warn", "The lake is " + Display.age(f.age()) + " old: one window behind"));
      default -> java.util.Optional.empty();
    };
  }

  private static List<Alert> warnings(JobRun run) {
    String report = run.result() == null ? null : run.result().qualityReport();
    return QualityReportView.parse(report).stream()
        .flatMap(r -> r.checks().stream())
        .filter(c -> !c.passed())
        .map(c -> new Alert("warn", "Check " + c.name() + " warned: " + c.observed()))
        .toList();
  }

  private static List<Alert> streamAlerts(ProgressView progress) {
    List<Alert> alerts = new ArrayList<>();
    if (progress.stale()) {
      alerts.add(
          new Alert(
              "bad",
              "No progress published since "
                  + Display.time(progress.updatedAt())
                  + ": stopped or stuck"));
    }
    for (ProgressView.Row q : progress.queries()) {
      if ("FAILED".equals(q.state())) {
        alerts.add(
            new Alert(
                "bad",
                "Query " + q.name() + " failed: " + Text.truncate(q.error(), MESSAGE_LENGTH)));
      }
    }
    if (progress.deadLettersLastBatch() > 0) {
      alerts.add(
          new Alert(
              "warn",
              progress.deadLettersLastBatch()
                  + " unreadable events in the last batch (dead letters)"));
    }
    return alerts;
  }
}
