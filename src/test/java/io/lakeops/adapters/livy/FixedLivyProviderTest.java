package io.lakeops.adapters.livy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.config.PoolsConfig;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.SizeClass;
import io.lakeops.ports.ProvidedCluster;
import io.lakeops.testdata.FakeSparkSubmitter;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Livy servers you run as the pools' clusters: the keys, the states, and releases. */
class FixedLivyProviderTest {
  private static final Pool SMALL = Pool.of(new PoolName("small"), SizeClass.SMALL);
  private static final Pool LARGE = Pool.of(new PoolName("large"), SizeClass.LARGE);

  private final FakeSparkSubmitter livy = new FakeSparkSubmitter();
  private final FixedLivyProvider provider =
      FixedLivyProvider.connect(
          pools(
              Map.of(
                  "lakeops.pools.small.livy-endpoint", "http://livy:8998/",
                  "lakeops.pools.large.livy-endpoint", "http://big-livy:8998")),
          livy);

  @Test
  void aLaunchNamesTheServerOfItsPoolReadyWhileItAnswers() {
    String id = provider.launch(new ClusterId("small-1"), SMALL);

    ProvidedCluster seen = provider.describe(List.of(id)).get(id);

    assertThat(id).isEqualTo("livy:small/small-1");
    assertThat(seen.state()).isEqualTo(ClusterState.READY);
    assertThat(seen.endpoint()).isEqualTo("http://livy:8998");
    String large = provider.launch(new ClusterId("large-1"), LARGE);
    assertThat(provider.describe(List.of(large)).get(large).endpoint())
        .isEqualTo("http://big-livy:8998");
  }

  @Test
  void aServerThatDoesNotAnswerIsStartingNotReady() {
    String id = provider.launch(new ClusterId("small-1"), SMALL);
    livy.unreachable(true);

    ProvidedCluster seen = provider.describe(List.of(id)).get(id);

    assertThat(seen.state()).isEqualTo(ClusterState.STARTING);
    assertThat(seen.endpoint()).isNull();
    assertThat(seen.reason()).contains("http://livy:8998", "does not answer");
  }

  @Test
  void aTerminationReleasesTheRecordAndLeavesTheServerAlone() {
    String first = provider.launch(new ClusterId("small-1"), SMALL);
    String second = provider.launch(new ClusterId("small-2"), SMALL);

    provider.terminate(first);

    Map<String, ProvidedCluster> seen = provider.describe(List.of(first, second));
    assertThat(seen.get(first).state()).isEqualTo(ClusterState.TERMINATED);
    assertThat(seen.get(second).state())
        .as("another cluster of the same server")
        .isEqualTo(ClusterState.READY);
  }

  @Test
  void aConsoleStartedAgainFindsTheServerOfEveryClusterItRecorded() {
    String recorded = provider.launch(new ClusterId("small-1"), SMALL);

    FixedLivyProvider again =
        FixedLivyProvider.connect(
            pools(Map.of("lakeops.pools.small.livy-endpoint", "http://livy:8998")), livy);

    assertThat(again.describe(List.of(recorded)).get(recorded).endpoint())
        .isEqualTo("http://livy:8998");
  }

  @Test
  void idsOfOtherProvidersOrOfPoolsNoLongerConfiguredAreUnknown() {
    String large = provider.launch(new ClusterId("large-1"), LARGE);
    FixedLivyProvider smallOnly =
        FixedLivyProvider.connect(
            pools(Map.of("lakeops.pools.small.livy-endpoint", "http://livy:8998")), livy);

    assertThat(smallOnly.describe(List.of(large, "j-2AXXXXXXGAPLF", "local-small-1"))).isEmpty();
  }

  @Test
  void aPoolThatWantsClustersNeedsAnHttpEndpointAndTheStartNamesTheKey() {
    Map<String, String> settings = new HashMap<>();
    settings.put("lakeops.pools.small.desired", "1");
    settings.put("lakeops.pools.large.livy-endpoint", "livy:8998");
    settings.put("lakeops.pools.medium.size", "medium");
    settings.put("lakeops.pools.medium.description", "no clusters wanted");

    assertThatThrownBy(() -> FixedLivyProvider.check(pools(settings)))
        .hasMessageContaining("lakeops.pools.small.livy-endpoint is required")
        .hasMessageContaining("lakeops.pools.large.livy-endpoint must be an http")
        .hasMessageNotContaining("medium");
  }

  private static PoolsConfig pools(Map<String, String> endpoints) {
    Map<String, String> properties = new HashMap<>();
    for (String pool : List.of("small", "large")) {
      properties.put("lakeops.pools." + pool + ".size", pool);
      properties.put("lakeops.pools." + pool + ".description", pool + " jobs");
    }
    properties.putAll(endpoints);
    return new SmallRyeConfigBuilder()
        .withMapping(PoolsConfig.class)
        .withConverter(Duration.class, 200, new DurationConverter())
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .build()
        .getConfigMapping(PoolsConfig.class);
  }
}
