package io.lakeops.web.pages;

import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Durations;
import io.lakeops.domain.InputWindow;
import io.lakeops.domain.Job;
import io.lakeops.domain.MarketMix;
import io.lakeops.domain.RotationPolicy;
import io.lakeops.domain.RunState;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How values read on the pages: times in UTC ISO-8601, states as coloured badges. */
@TemplateExtension
class Display {

  private Display() {}

  /**
   * {@code 2026-11-26T12:00:00Z}; a dash when there is no time: {@code {show:time(run.startedAt)}}.
   */
  @TemplateExtension(namespace = "show")
  static String time(Instant instant) {
    return instant == null ? "—" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String label(Enum<?> value) {
    return value == null ? "—" : value.name().toLowerCase(Locale.ROOT);
  }

  static String badge(RunState state) {
    return switch (state) {
      case SUCCEEDED -> "ok";
      case FAILED, LOST -> "bad";
      case SUBMITTED, RUNNING -> "busy";
      case CANCELLED -> "warn";
      case SCHEDULED -> "idle";
    };
  }

  static String badge(ClusterState state) {
    return switch (state) {
      case READY -> "ok";
      case FAILED -> "bad";
      case REQUESTED, STARTING -> "busy";
      case DRAINING, TERMINATING -> "warn";
      case TERMINATED -> "idle";
    };
  }

  static String scheduleText(Job job) {
    return job.schedule() == null ? "continuous" : job.schedule().expression();
  }

  static String text(Duration duration) {
    return duration == null ? "—" : Durations.format(duration);
  }

  /** An age in its two largest units: {@code 45s}, {@code 2m 10s}, {@code 3h 5m}, {@code 2d 4h}. */
  static String age(Duration age) {
    if (age == null) {
      return "—";
    }
    long s = Math.max(0, age.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m " + s % 60 + "s";
    }
    if (s < 86_400) {
      return s / 3600 + "h " + s % 3600 / 60 + "m";
    }
    return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
  }

  static String text(InputWindow window) {
    return window == null || window.low().isEmpty()
        ? "—"
        : "[" + window.low() + ", " + window.high() + ")";
  }

  static String text(MarketMix mix) {
    return mix == null || mix.equals(MarketMix.UNKNOWN)
        ? "—"
        : mix.spotInstances() + " spot / " + mix.onDemandInstances() + " on demand";
  }

  static String text(RotationPolicy rotation) {
    if (rotation == null || rotation.equals(RotationPolicy.NEVER)) {
      return "never";
    }
    String age = rotation.maxAge() == null ? null : "after " + Durations.format(rotation.maxAge());
    String cron = rotation.cron() == null ? null : "at cron " + rotation.cron().cron() + " (UTC)";
    return age == null ? cron : cron == null ? age : age + ", or " + cron;
  }

  /** Text, or a dash when there is none: {@code {show:text(cluster.stateReason)}}. */
  @TemplateExtension(namespace = "show")
  static String text(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }
}
