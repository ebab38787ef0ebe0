package io.lakeops.adapters.emr;

import io.lakeops.config.EmrPoolConfig;
import io.lakeops.config.PoolsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks what the configuration mapping cannot check alone before the console uses EMR: every pool
 * needs an {@code emr} group, subnets, and fleets that can hold a cluster. All problems are
 * reported at once, each naming its key, so a broken deployment stops at start rather than at its
 * first launch.
 */
final class EmrPoolValidator {
  private static final Duration MIN_IDLE = Duration.ofMinutes(1);
  private static final Duration MAX_IDLE = Duration.ofDays(7);

  private final List<String> problems = new ArrayList<>();

  private EmrPoolValidator() {}

  /** The EMR configuration of each pool, by pool name; throws naming every invalid key. */
  static Map<String, EmrPoolConfig> validate(PoolsConfig pools) {
    EmrPoolValidator validator = new EmrPoolValidator();
    Map<String, EmrPoolConfig> byPool = new LinkedHashMap<>();
    pools
        .pools()
        .forEach(
            (name, pool) -> {
              String prefix = "lakeops.pools." + name + ".emr";
              if (pool.emr().isEmpty()) {
                validator.problem(prefix, "required when lakeops.clusters.provider=emr");
              } else {
                validator.check(prefix + ".", pool.emr().get());
                byPool.put(name, pool.emr().get());
              }
            });
    if (!validator.problems.isEmpty()) {
      throw new IllegalStateException(
          "invalid EMR pool configuration: " + String.join("; ", validator.problems));
    }
    return byPool;
  }

  private void check(String prefix, EmrPoolConfig emr) {
    if (emr.releaseLabel().isBlank()) {
      problem(prefix + "release-label", "cannot be blank");
    }
    if (emr.applications().stream().noneMatch("Livy"::equalsIgnoreCase)) {
      problem(prefix + "applications", "must include Livy, which runs every Spark job");
    }
    List<String> subnets = emr.subnetIds().orElse(List.of());
    if (subnets.isEmpty() || subnets.stream().anyMatch(String::isBlank)) {
      problem(prefix + "subnet-ids", "at least one subnet id is required, none blank");
    }
    checkFleet(prefix + "master", emr.master());
    int master = emr.master().targetOnDemand() + emr.master().targetSpot();
    if (master != 1) {
      problem(prefix + "master", "the master fleet takes exactly one unit, on demand or spot");
    }
    checkFleet(prefix + "core", emr.core());
    if (emr.core().targetOnDemand() + emr.core().targetSpot() == 0) {
      problem(prefix + "core", "target-on-demand and target-spot cannot both be 0");
    }
    emr.task().ifPresent(task -> checkFleet(prefix + "task", task));
    checkS3(prefix + "log-uri", emr.logUri());
    for (int i = 0; i < emr.bootstrapActions().size(); i++) {
      EmrPoolConfig.BootstrapAction action = emr.bootstrapActions().get(i);
      checkS3(prefix + "bootstrap-actions[" + i + "].path", Optional.of(action.path()));
    }
    Duration idle = emr.autoTerminationIdleTimeout();
    if (idle.compareTo(MIN_IDLE) < 0 || idle.compareTo(MAX_IDLE) > 0) {
      problem(prefix + "auto-termination-idle-timeout", "must be between 1m and 7d");
    }
  }

  private void checkFleet(String prefix, EmrPoolConfig.Fleet fleet) {
    if (fleet.instanceTypes().isEmpty()) {
      problem(prefix + ".instance-types", "at least one instance type is required");
    }
    for (int i = 0; i < fleet.instanceTypes().size(); i++) {
      EmrPoolConfig.InstanceType type = fleet.instanceTypes().get(i);
      String key = prefix + ".instance-types[" + i + "].";
      if (type.type().isBlank()) {
        problem(key + "type", "cannot be blank");
      }
      if (type.bidPricePercent().filter(p -> p < 1 || p > 100).isPresent()) {
        problem(key + "bid-price-percent", "must be between 1 and 100");
      }
      if (type.ebsSizeGb().filter(gb -> gb < 1 || gb > 16384).isPresent()) {
        problem(key + "ebs-size-gb", "must be between 1 and 16384");
      }
    }
  }

  private void checkS3(String key, Optional<String> uri) {
    if (uri.filter(u -> !u.startsWith("s3://")).isPresent()) {
      problem(key, "must be an s3:// URI");
    }
  }

  private void problem(String key, String message) {
    problems.add(key + ": " + message);
  }
}
