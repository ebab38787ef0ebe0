package io.lakeops.config;

import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RotationPolicy;
import io.lakeops.domain.Schedule;

/** Turns one pool's configuration into the domain's pool, naming the key of anything invalid. */
final class PoolSettings {
  private PoolSettings() {}

  static Pool toPool(String name, PoolsConfig.PoolConfig config) {
    String prefix = "lakeops.pools." + name + ".";
    PoolName poolName;
    try {
      poolName = new PoolName(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("lakeops.pools." + name + ": " + e.getMessage(), e);
    }
    Schedule.Cron cron = null;
    if (config.rotationCron().isPresent()) {
      try {
        cron = new Schedule.Cron(config.rotationCron().get().trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(prefix + "rotation-cron: " + e.getMessage(), e);
      }
    }
    RotationPolicy rotation;
    try {
      rotation = new RotationPolicy(config.maxAge().orElse(null), cron);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(prefix + "max-age: " + e.getMessage(), e);
    }
    if (config.drainTimeout().isNegative()) {
      throw new IllegalStateException(prefix + "drain-timeout: cannot be negative");
    }
    return new Pool(
        poolName,
        config.size(),
        config.description(),
        config.desired(),
        rotation,
        config.drainTimeout(),
        config.concurrentRuns());
  }
}
