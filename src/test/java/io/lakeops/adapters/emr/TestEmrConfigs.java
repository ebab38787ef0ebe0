package io.lakeops.adapters.emr;

import io.lakeops.config.EmrConfig;
import io.lakeops.config.EmrPoolConfig;
import io.lakeops.config.PoolsConfig;
import io.lakeops.domain.SizeClass;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EMR configuration made by hand, with the mapping's defaults and a valid pool: tests change only
 * what they are about.
 */
final class TestEmrConfigs {
  private TestEmrConfigs() {}

  record Emr(
      Optional<String> region,
      Optional<URI> endpointOverride,
      String consoleId,
      int livyPort,
      int throttlingRetries,
      Duration backoffBase,
      Duration backoffMax,
      Duration lookback,
      Duration marketMixRefresh,
      Duration figuresRefresh,
      Optional<URI> cloudwatchEndpointOverride)
      implements EmrConfig {
    Emr withThrottlingRetries(int retries) {
      return new Emr(
          region,
          endpointOverride,
          consoleId,
          livyPort,
          retries,
          backoffBase,
          backoffMax,
          lookback,
          marketMixRefresh,
          figuresRefresh,
          cloudwatchEndpointOverride);
    }
  }

  /** The console of the tests against {@code endpoint}, with millisecond backoffs. */
  static Emr emr(String endpoint) {
    return new Emr(
        Optional.of("us-east-1"),
        Optional.of(URI.create(endpoint)),
        "lakeops-test",
        8998,
        8,
        Duration.ofMillis(1),
        Duration.ofMillis(10),
        Duration.ofDays(7),
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Optional.of(URI.create(endpoint)));
  }

  record Pool(
      String releaseLabel,
      List<String> applications,
      Fleet master,
      Fleet core,
      Optional<EmrPoolConfig.Fleet> task,
      Spot spot,
      OnDemandAllocation onDemandAllocationStrategy,
      Optional<List<String>> subnetIds,
      Optional<String> ec2KeyName,
      List<EmrPoolConfig.BootstrapAction> bootstrapActions,
      Map<String, EmrPoolConfig.Classification> configurations,
      Map<String, String> tags,
      Optional<String> logUri,
      String serviceRole,
      String instanceProfile,
      Duration autoTerminationIdleTimeout,
      Optional<String> securityConfiguration)
      implements EmrPoolConfig {}

  record Fleet(List<EmrPoolConfig.InstanceType> instanceTypes, int targetOnDemand, int targetSpot)
      implements EmrPoolConfig.Fleet {}

  record InstanceType(
      String type,
      int weightedCapacity,
      Optional<Double> bidPricePercent,
      Optional<Integer> ebsSizeGb)
      implements EmrPoolConfig.InstanceType {}

  record Spot(
      EmrPoolConfig.SpotAllocation allocationStrategy,
      int timeoutMinutes,
      EmrPoolConfig.TimeoutAction timeoutAction)
      implements EmrPoolConfig.Spot {}

  record BootstrapAction(String name, String path, Optional<List<String>> args)
      implements EmrPoolConfig.BootstrapAction {}

  static InstanceType type(String name, int weight) {
    return new InstanceType(name, weight, Optional.empty(), Optional.empty());
  }

  /** A valid pool: one on-demand master, a core fleet of 2 on demand and 4 spot, two subnets. */
  static PoolBuilder pool() {
    return new PoolBuilder();
  }

  static final class PoolBuilder {
    String releaseLabel = "emr-7.5.0";
    List<String> applications = List.of("Spark", "Livy");
    Fleet master = new Fleet(List.of(type("m6g.xlarge", 1), type("m5.xlarge", 1)), 1, 0);
    Fleet core =
        new Fleet(
            List.of(
                new InstanceType("r6g.2xlarge", 1, Optional.of(60.0), Optional.of(128)),
                type("r5.4xlarge", 2)),
            2,
            4);
    Optional<EmrPoolConfig.Fleet> task = Optional.empty();
    Optional<List<String>> subnetIds = Optional.of(List.of("subnet-aaa", "subnet-bbb"));
    Map<String, EmrPoolConfig.Classification> configurations = new LinkedHashMap<>();
    Map<String, String> tags = Map.of("team", "data");
    List<EmrPoolConfig.BootstrapAction> bootstrapActions =
        List.of(
            new BootstrapAction(
                "jars", "s3://lake-ops/bootstrap/jars.sh", Optional.of(List.of("--fast"))));
    Optional<String> logUri = Optional.of("s3://lake-ops/emr-logs/");

    PoolBuilder master(Fleet fleet) {
      master = fleet;
      return this;
    }

    PoolBuilder core(Fleet fleet) {
      core = fleet;
      return this;
    }

    PoolBuilder task(Fleet fleet) {
      task = Optional.of(fleet);
      return this;
    }

    PoolBuilder subnets(List<String> ids) {
      subnetIds = Optional.of(ids);
      return this;
    }

    PoolBuilder noSubnets() {
      subnetIds = Optional.empty();
      return this;
    }

    PoolBuilder configuration(String classification, Map<String, String> properties) {
      configurations.put(classification, () -> properties);
      return this;
    }

    Pool build() {
      return new Pool(
          releaseLabel,
          applications,
          master,
          core,
          task,
          new Spot(
              EmrPoolConfig.SpotAllocation.PRICE_CAPACITY_OPTIMIZED,
              20,
              EmrPoolConfig.TimeoutAction.SWITCH_TO_ON_DEMAND),
          EmrPoolConfig.OnDemandAllocation.LOWEST_PRICE,
          subnetIds,
          Optional.empty(),
          bootstrapActions,
          Map.copyOf(configurations),
          tags,
          logUri,
          "EMR_DefaultRole",
          "EMR_EC2_DefaultRole",
          Duration.ofHours(1),
          Optional.empty());
    }
  }

  record PoolConfig(
      SizeClass size,
      String description,
      int desired,
      Optional<Duration> maxAge,
      Optional<String> rotationCron,
      Duration drainTimeout,
      int concurrentRuns,
      Optional<EmrPoolConfig> emr)
      implements PoolsConfig.PoolConfig {
    @Override
    public Optional<java.net.URI> livyEndpoint() {
      return Optional.empty();
    }
  }

  /** Pools by name, each with the mapping's defaults and this EMR group (null for none). */
  static PoolsConfig pools(Map<String, EmrPoolConfig> emrByPool) {
    Map<String, PoolsConfig.PoolConfig> pools = new LinkedHashMap<>();
    emrByPool.forEach(
        (name, emr) ->
            pools.put(
                name,
                new PoolConfig(
                    SizeClass.SMALL,
                    "",
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    Duration.ofMinutes(15),
                    4,
                    Optional.ofNullable(emr))));
    return () -> pools;
  }

  static PoolsConfig pools(String name, EmrPoolConfig emr) {
    Map<String, EmrPoolConfig> one = new LinkedHashMap<>();
    one.put(name, emr);
    return pools(one);
  }
}
