package io.lakeops.app;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The console as the embedded default runs it, with its scheduler on and quick: one local cluster
 * for pool {@code small}, the leader pass every second, and the real MariaDB source {@code shop}.
 */
public class EndToEndProfile implements QuarkusTestProfile {
  private static final Path DATA =
      Path.of("target/e2e-" + ProcessHandle.current().pid()).toAbsolutePath();

  /** Where the jobs write and the console reads manifests. */
  static Path lake() {
    return DATA.resolve("lake");
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        // Its own database: the test profile's in-memory one outlives each test application and
        // holds other tests' jobs, which this scheduler would run.
        "quarkus.datasource.jdbc.url", "jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1",
        "lakeops.data-dir", DATA.toString(),
        "lakeops.scheduler.enabled", "true",
        "lakeops.scheduler.interval", "1s",
        "lakeops.scheduler.lease-ttl", "20s",
        "lakeops.pools.small.desired", "1",
        "lakeops.jobs.minimum-interval", "10s");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(ShopDatabase.class));
  }
}
