package io.lakeops.ports;

import java.time.Instant;

/** How the demo lake's start stands (docs/demo.md), for the dashboard; OFF outside the demo. */
public interface DemoLake {

  /** The phase of the demo lake. */
  enum Phase {
    OFF,
    STARTING,
    READY,
    FAILED,
    STOPPING
  }

  /** A phase, its last step in words, and when that step was seen. */
  record Status(Phase phase, String step, Instant at) {}

  Status status();
}
