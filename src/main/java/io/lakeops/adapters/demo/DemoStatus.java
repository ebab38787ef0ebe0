package io.lakeops.adapters.demo;

import io.lakeops.ports.DemoLake;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Where the demo lake's start stands, as its services report each step. */
@ApplicationScoped
public class DemoStatus implements DemoLake {
  private volatile Status status = new Status(Phase.OFF, "the demo lake is off", Instant.now());

  @Override
  public Status status() {
    return status;
  }

  void starting(String step) {
    status = new Status(Phase.STARTING, step, Instant.now());
  }

  void ready(String step) {
    status = new Status(Phase.READY, step, Instant.now());
  }

  void failed(String why) {
    status = new Status(Phase.FAILED, why, Instant.now());
  }

  void stop() {
    status = new Status(Phase.STOPPING, "stopping", Instant.now());
  }
}
