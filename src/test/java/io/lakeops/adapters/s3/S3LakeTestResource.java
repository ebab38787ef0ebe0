package io.lakeops.adapters.s3;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs a Quarkus test with its lake and streaming base on S3 (S3Proxy): a fresh bucket, and the
 * {@code lakeops.lake.*} and {@code lakeops.streaming.base} keys pointing at it.
 */
public class S3LakeTestResource implements QuarkusTestResourceLifecycleManager {
  private TestBucket bucket;

  @Override
  public Map<String, String> start() {
    S3ProxyServer server = S3ProxyServer.shared();
    bucket = TestBucket.fresh(server, "lake");
    return Map.of(
        "lakeops.lake.base",
        bucket.uri(),
        "lakeops.lake.s3.endpoint-override",
        server.endpoint().toString(),
        "lakeops.lake.s3.path-style",
        "true",
        "lakeops.streaming.base",
        "s3://" + bucket.name() + "/streaming");
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(bucket, new TestInjector.MatchesType(TestBucket.class));
  }

  @Override
  public void stop() {
    bucket = null;
  }
}
