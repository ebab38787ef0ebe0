package io.lakeops.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code maxAge} and shared by every request that asks meanwhile:
 * fifty operators' dashboards refreshing every few seconds cost one reading of the store, not
 * fifty. Requests that find it out of date while another one reads wait for that reading.
 */
final class Recent<T> {
  private record Reading<T>(T value, Instant at) {}

  private final Supplier<T> read;
  private final Duration maxAge;
  private final Clock clock;
  private volatile Reading<T> last;

  Recent(Supplier<T> read, Duration maxAge, Clock clock) {
    this.read = read;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  T get() {
    Reading<T> seen = last;
    if (fresh(seen)) {
      return seen.value();
    }
    synchronized (this) {
      seen = last;
      if (fresh(seen)) {
        return seen.value();
      }
      Instant at = clock.instant();
      T value = read.get();
      last = new Reading<>(value, at);
      return value;
    }
  }

  private boolean fresh(Reading<T> reading) {
    return reading != null && clock.instant().isBefore(reading.at().plus(maxAge));
  }
}
