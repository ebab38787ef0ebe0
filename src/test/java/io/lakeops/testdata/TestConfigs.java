package io.lakeops.testdata;

import io.lakeops.config.LakeConfig;
import io.lakeops.config.SourcesConfig;
import io.lakeops.config.SparkJobsConfig;
import io.lakeops.config.StreamingConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Configuration mappings made by hand, for adapters tested without Quarkus. */
public final class TestConfigs {
  private TestConfigs() {}

  /** A lake at {@code base} (a folder or an S3 URI), read with the SDK's default S3 client. */
  public static LakeConfig lake(String base) {
    return new Lake(base, new S3(Optional.empty(), Optional.empty(), false));
  }

  public static SourcesConfig sources(Map<String, SourcesConfig.Source> byName) {
    return () -> byName;
  }

  /** A source with a user and a password reference, and the mapping's default timeouts. */
  public static SourcesConfig.Source source(String jdbcUrl, String user, String passwordRef) {
    return new Source(
        jdbcUrl,
        Optional.ofNullable(user),
        Optional.ofNullable(passwordRef),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30));
  }

  public record Source(
      String jdbcUrl,
      Optional<String> user,
      Optional<String> passwordRef,
      Duration connectTimeout,
      Duration queryTimeout)
      implements SourcesConfig.Source {}

  public record SparkJobs(
      String jar,
      Optional<String> lake,
      Map<String, String> extractionConf,
      Map<String, String> streamingConf)
      implements SparkJobsConfig {}

  public record Streaming(Optional<String> kafkaBootstrap, Optional<String> sinkSource, String base)
      implements StreamingConfig {}

  public record Lake(String base, LakeConfig.S3 s3) implements LakeConfig {}

  public record S3(Optional<String> region, Optional<URI> endpointOverride, boolean pathStyle)
      implements LakeConfig.S3 {}
}
