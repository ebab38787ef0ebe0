package io.lakeops.adapters.livy;

import java.time.Duration;
import java.util.Optional;

/** Livy settings for tests, with short delays; each test builds its own submitter from them. */
final class TestLivyConfig {
  private TestLivyConfig() {}

  /** Two retries, pages of two batches, a breaker that opens after four failed calls. */
  static LivySettings defaults() {
    return new LivySettings(
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Optional.empty(),
        2,
        100,
        2,
        Duration.ofMillis(10),
        Duration.ofMillis(40),
        4,
        0.5,
        Duration.ofMillis(400),
        1);
  }

  static LivySettings withDeployMode(LivySettings s, String mode) {
    return new LivySettings(
        s.connectTimeout(),
        s.readTimeout(),
        Optional.of(mode),
        s.listPageSize(),
        s.rememberedKills(),
        s.maxRetries(),
        s.retryDelay(),
        s.retryMaxDelay(),
        s.breakerVolume(),
        s.breakerFailureRatio(),
        s.breakerDelay(),
        s.breakerSuccesses());
  }

  static LivySettings withRetries(LivySettings s, int retries) {
    return new LivySettings(
        s.connectTimeout(),
        s.readTimeout(),
        s.deployMode(),
        s.listPageSize(),
        s.rememberedKills(),
        retries,
        s.retryDelay(),
        s.retryMaxDelay(),
        s.breakerVolume(),
        s.breakerFailureRatio(),
        s.breakerDelay(),
        s.breakerSuccesses());
  }
}
