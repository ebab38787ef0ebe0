package io.lakeops.jobs.generator;

import java.time.Duration;
import java.time.Instant;

/**
 * Settings of the click-stream generator.
 *
 * @param ratePerSecond target events per second across all users
 * @param duration how much (simulated) time to generate; the generator stops after it
 * @param seed the same seed and start give the same events, in the same order
 * @param meanThinkTime average pause between two actions of one user
 * @param start event time of the first events; null means "now" when started
 * @param realtime true paces sending to the event times; false sends as fast as possible
 * @param zipfExponent skew of page popularity (1.0 to 1.2 is typical of web traffic)
 */
public record GeneratorConfig(
    String bootstrapServers,
    String topic,
    double ratePerSecond,
    Duration duration,
    long seed,
    Duration meanThinkTime,
    Instant start,
    boolean realtime,
    double zipfExponent) {

  public GeneratorConfig {
    if (ratePerSecond <= 0 || ratePerSecond > 1_000_000) {
      throw new IllegalArgumentException("rate must be within (0, 1000000] events/s");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive");
    }
    if (meanThinkTime.toMillis() < 100) {
      throw new IllegalArgumentException("mean think time must be at least 100 ms");
    }
  }

  public static GeneratorConfig of(String bootstrapServers, String topic) {
    return new GeneratorConfig(
        bootstrapServers,
        topic,
        100,
        Duration.ofMinutes(5),
        42,
        Duration.ofSeconds(3),
        null,
        true,
        1.1);
  }

  public GeneratorConfig withRate(double rate, Duration duration) {
    return new GeneratorConfig(
        bootstrapServers,
        topic,
        rate,
        duration,
        seed,
        meanThinkTime,
        start,
        realtime,
        zipfExponent);
  }

  public GeneratorConfig withSeed(long seed, Instant start) {
    return new GeneratorConfig(
        bootstrapServers,
        topic,
        ratePerSecond,
        duration,
        seed,
        meanThinkTime,
        start,
        realtime,
        zipfExponent);
  }

  public GeneratorConfig withRealtime(boolean realtime) {
    return new GeneratorConfig(
        bootstrapServers,
        topic,
        ratePerSecond,
        duration,
        seed,
        meanThinkTime,
        start,
        realtime,
        zipfExponent);
  }
}
