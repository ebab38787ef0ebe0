package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the console talks to Amazon EMR when {@code lakeops.clusters.provider=emr}; each pool's
 * clusters are described by {@link EmrPoolConfig}. See docs/emr.md.
 */
@ConfigMapping(prefix = "lakeops.emr")
public interface EmrConfig {

  /** The AWS region of the clusters; empty means the SDK's default region chain. */
  Optional<String> region();

  /** An endpoint instead of AWS's: a VPC endpoint, or a WireMock server in tests. */
  Optional<URI> endpointOverride();

  /**
   * This console's name in the {@code lakeops:console} tag of the clusters it launches, so that
   * consoles of several environments sharing an account can tell their clusters apart.
   */
  @WithDefault("lakeops")
  String consoleId();

  /** The port of Livy on a cluster's master node. */
  @WithDefault("8998")
  @Min(1)
  @Max(65535)
  int livyPort();

  /**
   * How many times a call EMR throttled or failed on its side is retried (exponential backoff with
   * jitter, by the SDK). EMR's API limits are low and shared by the whole account.
   */
  @WithDefault("8")
  @Min(0)
  @Max(20)
  int throttlingRetries();

  /** The first retry's backoff; each next one doubles it, up to {@code backoff-max}. */
  @WithDefault("500ms")
  Duration backoffBase();

  /** The longest backoff between two attempts. */
  @WithDefault("20s")
  Duration backoffMax();

  /**
   * How far back ListClusters looks for the clusters a pass describes. Longer than any cluster
   * lives: a cluster created before the window is then described one by one.
   */
  @WithDefault("7d")
  Duration lookback();

  /** How often a READY cluster's spot and on-demand instance counts are read again. */
  @WithDefault("5m")
  Duration marketMixRefresh();

  /**
   * How often the clusters' health figures (CloudWatch's IsIdle, YARNMemoryAvailablePercentage,
   * ContainerPending, MRUnhealthyNodes) are read for the clusters pane; EMR publishes them every
   * five minutes and CloudWatch charges per metric read. {@code 0s} turns the reads off.
   */
  @WithDefault("5m")
  Duration figuresRefresh();

  /** A CloudWatch endpoint instead of AWS's: a VPC endpoint, or a WireMock server in tests. */
  Optional<URI> cloudwatchEndpointOverride();
}
