package io.lakeops.adapters.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Where the demo lake's start stands, for the log and the dashboard. */
@ApplicationScoped
public class DemoStatus {
  /** The phase of the demo. */
  public enum Phase {
    OFF,
    STARTING,
    READY,
    FAILED,
    STOPPING
  }

  /** A phase, its last step in words, and when that step was seen. */
  public record View(Phase phase, String step, Instant at) {}

  private volatile View view = new View(Phase.OFF, "the demo lake is off", Instant.now());

  public View view() {
    return view;
  }

  void starting(String step) {
    view = new View(Phase.STARTING, step, Instant.now());
  }

  void ready(String step) {
    view = new View(Phase.READY, step, Instant.now());
  }

  void failed(String why) {
    view = new View(Phase.FAILED, why, Instant.now());
  }

  void stop() {
    view = new View(Phase.STOPPING, "stopping", Instant.now());
  }

  boolean stopping() {
    return view.phase() == Phase.STOPPING;
  }
}
