package io.lakeops.web.pages;

import io.lakeops.ports.ClusterFigures;
import java.util.ArrayList;
import java.util.List;

/** A cluster's health figures in the words of the clusters pane. */
final class HealthText {
  private HealthText() {}

  /** For example "busy · 63% YARN memory free · 2 containers pending · 1 unhealthy node". */
  static String of(ClusterFigures f) {
    List<String> parts = new ArrayList<>();
    if (f.idle() != null) {
      parts.add(f.idle() ? "idle" : "busy");
    }
    if (f.yarnMemoryAvailablePercent() != null) {
      parts.add(Math.round(f.yarnMemoryAvailablePercent()) + "% YARN memory free");
    }
    if (f.containersPending() != null) {
      parts.add(count(f.containersPending(), "container") + " pending");
    }
    if (f.unhealthyNodes() != null) {
      parts.add(count(f.unhealthyNodes(), "unhealthy node"));
    }
    return parts.isEmpty() ? "—" : String.join(" · ", parts);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
