package io.lakeops.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one clock the loops and stores take their time from, so tests can drive it. */
@ApplicationScoped
public class ClockProducer {

  /** Ticks in milliseconds: the precision both state stores keep, so a record reads back equal. */
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  }
}
