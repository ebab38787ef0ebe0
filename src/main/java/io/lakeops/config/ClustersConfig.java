package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Clusters: where they come from, and how the reconciler judges and replaces them. The pools
 * themselves are {@link PoolsConfig}.
 */
@ConfigMapping(prefix = "lakeops.clusters")
public interface ClustersConfig {

  /**
   * Where clusters come from: {@code local} (child processes on this machine, the embedded
   * default), {@code emr} (Amazon EMR, production) or {@code livy} (a Livy server per pool that you
   * run, at {@code lakeops.pools.<name>.livy-endpoint}; the console neither starts nor stops it).
   */
  @WithDefault("local")
  Provider provider();

  /**
   * How many consecutive Livy pings of a READY cluster may fail before the cluster is recorded
   * FAILED and replaced. Pings happen once per leader pass ({@code lakeops.scheduler.interval}).
   */
  @WithDefault("3")
  @Min(1)
  @Max(100)
  int livyUnreachableChecks();

  /**
   * The wait before relaunching in a pool whose last cluster failed before it was READY (a broken
   * bootstrap, a refused launch); it doubles with each such failure in a row, up to {@code
   * launch-backoff-max}, so a failing pool never launches in a tight loop.
   */
  @WithDefault("30s")
  Duration launchBackoff();

  /** The longest wait between launches of a failing pool. */
  @WithDefault("10m")
  Duration launchBackoffMax();

  /**
   * How long a cluster may stay REQUESTED or STARTING before it is given up as FAILED (EMR's own
   * provisioning timeout usually acts first).
   */
  @WithDefault("30m")
  Duration startTimeout();

  /** EMR's state-change events as a faster death signal; off unless a queue is named. */
  Events events();

  /**
   * An SQS queue fed by an EventBridge rule for EMR's {@code EMR Cluster State Change} and {@code
   * EMR Instance Fleet State Change} events (docs/emr.md). The leader acts on an event at once and
   * keeps polling as the backstop: events are best effort.
   */
  interface Events {
    /** The queue's URL; empty (the default) turns events off. */
    Optional<String> sqsQueueUrl();

    /** An SQS endpoint instead of AWS's: a VPC endpoint, or a WireMock server in tests. */
    Optional<URI> sqsEndpointOverride();

    /** How long one ReceiveMessage waits for a message (SQS's long poll), 0s to 20s. */
    @WithDefault("20s")
    Duration receiveWait();
  }

  enum Provider {
    LOCAL,
    EMR,
    LIVY
  }
}
