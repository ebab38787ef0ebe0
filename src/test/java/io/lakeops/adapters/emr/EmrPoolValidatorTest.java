package io.lakeops.adapters.emr;

import static io.lakeops.adapters.emr.TestEmrConfigs.pool;
import static io.lakeops.adapters.emr.TestEmrConfigs.pools;
import static io.lakeops.adapters.emr.TestEmrConfigs.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.adapters.emr.TestEmrConfigs.Fleet;
import io.lakeops.config.EmrPoolConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Invalid EMR pool configurations stop the start with a message naming the key. */
class EmrPoolValidatorTest {

  @Test
  void aValidPoolPasses() {
    assertThat(EmrPoolValidator.validate(pools("small", pool().build()))).containsKey("small");
  }

  @Test
  void aPoolWithoutAnEmrGroupIsNamed() {
    Map<String, EmrPoolConfig> byPool = new LinkedHashMap<>();
    byPool.put("small", pool().build());
    byPool.put("large", null);

    assertThatThrownBy(() -> EmrPoolValidator.validate(pools(byPool)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "lakeops.pools.large.emr: required when lakeops.clusters.provider=emr")
        .message()
        .doesNotContain("lakeops.pools.small");
  }

  @Test
  void noSubnetIsNamed() {
    assertThatThrownBy(() -> EmrPoolValidator.validate(pools("small", pool().noSubnets().build())))
        .hasMessageContaining("lakeops.pools.small.emr.subnet-ids: at least one subnet id");
  }

  @Test
  void aFleetWithNoInstanceTypeIsNamed() {
    EmrPoolConfig emr = pool().task(new Fleet(List.of(), 0, 2)).build();

    assertThatThrownBy(() -> EmrPoolValidator.validate(pools("small", emr)))
        .hasMessageContaining("lakeops.pools.small.emr.task.instance-types: at least one");
  }

  @Test
  void aCoreFleetWithNoCapacityIsNamed() {
    EmrPoolConfig emr = pool().core(new Fleet(List.of(type("r5.xlarge", 1)), 0, 0)).build();

    assertThatThrownBy(() -> EmrPoolValidator.validate(pools("small", emr)))
        .hasMessageContaining(
            "lakeops.pools.small.emr.core: target-on-demand and target-spot cannot both be 0");
  }

  @Test
  void aMasterFleetOfMoreThanOneIsNamed() {
    EmrPoolConfig emr = pool().master(new Fleet(List.of(type("m5.xlarge", 1)), 1, 1)).build();

    assertThatThrownBy(() -> EmrPoolValidator.validate(pools("small", emr)))
        .hasMessageContaining("lakeops.pools.small.emr.master: the master fleet takes exactly one");
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsIndexedKey() {
    EmrPoolConfig emr =
        pool()
            .noSubnets()
            .core(
                new Fleet(
                    List.of(
                        type("r5.xlarge", 1),
                        new TestEmrConfigs.InstanceType(
                            "r5.2xlarge", 2, Optional.of(150.0), Optional.empty())),
                    2,
                    0))
            .build();

    assertThatThrownBy(() -> EmrPoolValidator.validate(pools("medium", emr)))
        .hasMessageContaining("lakeops.pools.medium.emr.subnet-ids")
        .hasMessageContaining(
            "lakeops.pools.medium.emr.core.instance-types[1].bid-price-percent: must be between");
  }
}
