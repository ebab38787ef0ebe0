package io.lakeops.adapters.livy;

import io.lakeops.config.LivyConfig;
import java.time.Duration;
import java.util.Optional;

/** The adapter's settings as plain values, read once from {@link LivyConfig}. */
record LivySettings(
    Duration connectTimeout,
    Duration readTimeout,
    Optional<String> deployMode,
    int listPageSize,
    int rememberedKills,
    int maxRetries,
    Duration retryDelay,
    Duration retryMaxDelay,
    int breakerVolume,
    double breakerFailureRatio,
    Duration breakerDelay,
    int breakerSuccesses) {

  static LivySettings from(LivyConfig c) {
    return new LivySettings(
        c.connectTimeout(),
        c.readTimeout(),
        c.deployMode().filter(m -> !m.isBlank()),
        c.listPageSize(),
        c.rememberedKills(),
        c.retry().maxRetries(),
        c.retry().delay(),
        c.retry().maxDelay(),
        c.circuitBreaker().requestVolumeThreshold(),
        c.circuitBreaker().failureRatio(),
        c.circuitBreaker().delay(),
        c.circuitBreaker().successThreshold());
  }
}
