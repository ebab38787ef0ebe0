package io.lakeops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.domain.Pool;
import io.lakeops.domain.SizeClass;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A pool's configuration becomes the domain's pool, and a bad value names its key. */
class PoolSettingsTest {

  @Test
  void aConfiguredPoolCarriesItsCountRotationDrainAndRoom() {
    Pool pool =
        PoolSettings.toPool(
            "small", config(Optional.of(Duration.ofHours(12)), Optional.of("0 3 * * *"), 2));

    assertThat(pool.desired()).isEqualTo(2);
    assertThat(pool.rotation().maxAge()).isEqualTo(Duration.ofHours(12));
    assertThat(pool.rotation().cron().cron()).isEqualTo("0 3 * * *");
    assertThat(pool.drainTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(pool.concurrentRuns()).isEqualTo(4);
  }

  @Test
  void aBadCronOrAgeStopsTheStartNamingTheKey() {
    assertThatThrownBy(
            () ->
                PoolSettings.toPool(
                    "small", config(Optional.empty(), Optional.of("61 * * * *"), 1)))
        .hasMessageStartingWith("lakeops.pools.small.rotation-cron: ");
    assertThatThrownBy(
            () ->
                PoolSettings.toPool(
                    "small", config(Optional.of(Duration.ZERO), Optional.empty(), 1)))
        .hasMessageStartingWith("lakeops.pools.small.max-age: ");
    assertThatThrownBy(
            () -> PoolSettings.toPool("Bad Name", config(Optional.empty(), Optional.empty(), 1)))
        .hasMessageStartingWith("lakeops.pools.Bad Name: ");
  }

  private static PoolsConfig.PoolConfig config(
      Optional<Duration> maxAge, Optional<String> cron, int desired) {
    return new Config(
        SizeClass.SMALL, "", desired, maxAge, cron, Duration.ofMinutes(15), 4, Optional.empty());
  }

  /** A record, not an anonymous class: Quarkus' build refuses validated methods on those. */
  private record Config(
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
}
