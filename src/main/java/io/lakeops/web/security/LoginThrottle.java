package io.lakeops.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows down guessing a user's password, by login name (the form and HTTP Basic alike): after
 * {@value #FREE_FAILURES} failures in a row, attempts for that name are refused unchecked until a
 * pause has passed: one second after the fifth failure, doubling with each further one, up to
 * {@link #LONGEST_PAUSE}. A success clears the count. Refusing without checking also spares the
 * console the bcrypt work a guesser would make it do. Names are forgotten after an hour without a
 * failure; at most {@value #MAX_NAMES} are followed.
 */
final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
  private static final long MAX_NAMES = 10_000;

  private record Failures(int count, Instant pausedUntil) {}

  private final Cache<String, Failures> failures;
  private final Clock clock;

  LoginThrottle(Clock clock, Ticker ticker) {
    this.clock = clock;
    this.failures =
        Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumSize(MAX_NAMES)
            .ticker(ticker)
            .build();
  }

  /** How long attempts for {@code name} are still refused; empty when one may be checked now. */
  Optional<Duration> pause(String name) {
    Failures f = failures.getIfPresent(name);
    Instant now = clock.instant();
    return f == null || !f.pausedUntil().isAfter(now)
        ? Optional.empty()
        : Optional.of(Duration.between(now, f.pausedUntil()));
  }

  /** Counts a failed check of {@code name}'s password; returns the failures in a row. */
  int failed(String name) {
    Failures next =
        failures
            .asMap()
            .compute(
                name,
                (n, before) -> {
                  int count = before == null ? 1 : before.count() + 1;
                  return new Failures(count, clock.instant().plus(pauseAfter(count)));
                });
    return next.count();
  }

  void succeeded(String name) {
    failures.invalidate(name);
  }

  static Duration pauseAfter(int failuresInARow) {
    if (failuresInARow < FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failuresInARow - FREE_FAILURES, 20);
    Duration pause = Duration.ofSeconds(1L << doublings);
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }
}
