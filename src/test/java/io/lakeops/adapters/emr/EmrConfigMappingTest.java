package io.lakeops.adapters.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.config.EmrConfig;
import io.lakeops.config.EmrPoolConfig;
import io.lakeops.config.PoolsConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The keys of docs/emr.md as SmallRye maps them (no Quarkus): the example pool reads back as
 * written, the defaults are EMR's recommended ones, and the result passes the validator.
 */
class EmrConfigMappingTest {
  private static final String P = "lakeops.pools.small.";

  /** The example pool of docs/emr.md, without its %prod prefix. */
  private static final Map<String, String> EXAMPLE =
      Map.ofEntries(
          Map.entry(P + "size", "small"),
          Map.entry(P + "description", "Frequent small extractions"),
          Map.entry(P + "emr.release-label", "emr-7.5.0"),
          Map.entry(P + "emr.master.instance-types[0].type", "m6g.xlarge"),
          Map.entry(P + "emr.master.instance-types[1].type", "m5.xlarge"),
          Map.entry(P + "emr.master.target-on-demand", "1"),
          Map.entry(P + "emr.core.instance-types[0].type", "r6g.2xlarge"),
          Map.entry(P + "emr.core.instance-types[0].ebs-size-gb", "128"),
          Map.entry(P + "emr.core.instance-types[1].type", "r6g.4xlarge"),
          Map.entry(P + "emr.core.instance-types[1].weighted-capacity", "2"),
          Map.entry(P + "emr.core.instance-types[1].bid-price-percent", "80"),
          Map.entry(P + "emr.core.target-on-demand", "2"),
          Map.entry(P + "emr.core.target-spot", "4"),
          Map.entry(P + "emr.task.instance-types[0].type", "c6g.2xlarge"),
          Map.entry(P + "emr.task.target-spot", "8"),
          Map.entry(P + "emr.spot.timeout-minutes", "15"),
          Map.entry(P + "emr.subnet-ids", "subnet-0a1,subnet-0b2"),
          Map.entry(P + "emr.bootstrap-actions[0].name", "lake-jars"),
          Map.entry(P + "emr.bootstrap-actions[0].path", "s3://lake-ops/bootstrap/jars.sh"),
          Map.entry(P + "emr.bootstrap-actions[0].args", "--bucket,lake-ops"),
          Map.entry(
              P + "emr.configurations.spark-defaults.\"spark.dynamicAllocation.enabled\"", "true"),
          Map.entry(P + "emr.configurations.livy-conf.\"livy.server.session.timeout\"", "2h"),
          Map.entry(P + "emr.tags.team", "data-platform"),
          Map.entry(P + "emr.log-uri", "s3://lake-ops/emr-logs/"));

  @Test
  void theDocumentedPoolReadsBackWithEmrsDefaults() {
    SmallRyeConfig config = config(EXAMPLE);
    EmrPoolConfig emr =
        config.getConfigMapping(PoolsConfig.class).pools().get("small").emr().orElseThrow();

    assertThat(emr.applications()).containsExactly("Spark", "Livy");
    assertThat(emr.core().instanceTypes()).hasSize(2);
    assertThat(emr.core().instanceTypes().get(1).weightedCapacity()).isEqualTo(2);
    assertThat(emr.core().instanceTypes().get(1).bidPricePercent()).contains(80.0);
    assertThat(emr.core().instanceTypes().get(0).ebsSizeGb()).contains(128);
    assertThat(emr.task().orElseThrow().targetSpot()).isEqualTo(8);
    assertThat(emr.spot().allocationStrategy())
        .isEqualTo(EmrPoolConfig.SpotAllocation.PRICE_CAPACITY_OPTIMIZED);
    assertThat(emr.spot().timeoutAction())
        .isEqualTo(EmrPoolConfig.TimeoutAction.SWITCH_TO_ON_DEMAND);
    assertThat(emr.spot().timeoutMinutes()).isEqualTo(15);
    assertThat(emr.onDemandAllocationStrategy())
        .isEqualTo(EmrPoolConfig.OnDemandAllocation.LOWEST_PRICE);
    assertThat(emr.subnetIds()).contains(List.of("subnet-0a1", "subnet-0b2"));
    assertThat(emr.bootstrapActions().get(0).args()).contains(List.of("--bucket", "lake-ops"));
    assertThat(emr.configurations().get("spark-defaults").properties())
        .containsEntry("spark.dynamicAllocation.enabled", "true");
    assertThat(emr.configurations().get("livy-conf").properties())
        .containsEntry("livy.server.session.timeout", "2h");
    assertThat(emr.tags()).containsEntry("team", "data-platform");
    assertThat(emr.serviceRole()).isEqualTo("EMR_DefaultRole");
    assertThat(emr.instanceProfile()).isEqualTo("EMR_EC2_DefaultRole");
    assertThat(emr.autoTerminationIdleTimeout()).isEqualTo(Duration.ofHours(1));
    assertThat(emr.securityConfiguration()).isEmpty();
    assertThat(EmrPoolValidator.validate(config.getConfigMapping(PoolsConfig.class)))
        .containsKey("small");
  }

  @Test
  void aPoolWithoutEmrKeysHasNoEmrGroupAndTheClientHasItsDefaults() {
    SmallRyeConfig config = config(Map.of(P + "size", "small", P + "description", "Small"));

    assertThat(config.getConfigMapping(PoolsConfig.class).pools().get("small").emr()).isEmpty();
    EmrConfig emr = config.getConfigMapping(EmrConfig.class);
    assertThat(emr.region()).isEqualTo(Optional.empty());
    assertThat(emr.livyPort()).isEqualTo(8998);
    assertThat(emr.throttlingRetries()).isEqualTo(8);
    assertThat(emr.consoleId()).isEqualTo("lakeops");
    assertThat(emr.figuresRefresh()).isEqualTo(Duration.ofMinutes(5));
    assertThat(emr.cloudwatchEndpointOverride()).isEmpty();
  }

  @Test
  void aPoolWithoutSubnetsMapsAndIsRefusedByTheValidatorNamingTheKey() {
    Map<String, String> noSubnets = new java.util.HashMap<>(EXAMPLE);
    noSubnets.remove(P + "emr.subnet-ids");

    assertThatThrownBy(
            () -> EmrPoolValidator.validate(config(noSubnets).getConfigMapping(PoolsConfig.class)))
        .hasMessageContaining("lakeops.pools.small.emr.subnet-ids");
  }

  private static SmallRyeConfig config(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(PoolsConfig.class)
        .withMapping(EmrConfig.class)
        // Quarkus' own form of durations (1h, 500ms), as the console reads them.
        .withConverter(Duration.class, 200, new DurationConverter())
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .build();
  }
}
