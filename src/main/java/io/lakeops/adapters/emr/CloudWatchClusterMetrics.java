package io.lakeops.adapters.emr;

import io.lakeops.config.EmrConfig;
import io.lakeops.ports.ClusterFigures;
import io.lakeops.ports.ClusterMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * EMR clusters' health figures from CloudWatch: one GetMetricData call for every cluster on the
 * pane (four metrics each, up to 500 queries a call), read again at most once per {@code
 * lakeops.emr.figures-refresh}. EMR publishes these metrics every five minutes, and CloudWatch
 * charges per metric read, so a pane refreshed every two seconds by several operators still costs
 * one read per interval. A read that fails keeps the figures read before and is not tried again
 * before the interval has passed: the pane never waits on CloudWatch twice in a row.
 */
public final class CloudWatchClusterMetrics implements ClusterMetrics, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(CloudWatchClusterMetrics.class);

  static final String NAMESPACE = "AWS/ElasticMapReduce";
  static final int PERIOD_SECONDS = 300;
  private static final Duration LOOKBACK = Duration.ofMinutes(20);
  private static final int QUERIES_PER_CALL = 500;

  /** The figures read, with the statistic that answers the pane's question over one period. */
  enum Metric {
    IS_IDLE("IsIdle", "Minimum"), // idle through the whole period
    YARN_MEMORY_AVAILABLE("YARNMemoryAvailablePercentage", "Average"),
    CONTAINER_PENDING("ContainerPending", "Maximum"),
    UNHEALTHY_NODES("MRUnhealthyNodes", "Maximum");

    final String metricName;
    final String statistic;

    Metric(String metricName, String statistic) {
      this.metricName = metricName;
      this.statistic = statistic;
    }
  }

  private static final int CLUSTERS_PER_CALL = QUERIES_PER_CALL / Metric.values().length;

  private final CloudWatchClient cloudWatch;
  private final Duration refresh;
  private final Clock clock;
  private Map<String, ClusterFigures> figures = Map.of();
  private Set<String> readFor = Set.of();
  private Instant readAt;

  /** The figures of {@code config}'s EMR clusters, or none when its refresh is zero. */
  public static ClusterMetrics connect(EmrConfig config) {
    if (config.figuresRefresh().isZero()) {
      return ClusterMetrics.NONE;
    }
    return new CloudWatchClusterMetrics(
        builder(config).build(), config.figuresRefresh(), Clock.systemUTC());
  }

  /**
   * A client that gives up quickly: the figures are a convenience of the pane, which must not wait
   * on the SDK's long retries as the reconciler's EMR calls may.
   */
  static CloudWatchClientBuilder builder(EmrConfig config) {
    CloudWatchClientBuilder builder =
        CloudWatchClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(
                o -> o.apiCallTimeout(Duration.ofSeconds(10)).retryStrategy(r -> r.maxAttempts(2)));
    config.region().map(Region::of).ifPresent(builder::region);
    config.cloudwatchEndpointOverride().ifPresent(builder::endpointOverride);
    return builder;
  }

  CloudWatchClusterMetrics(CloudWatchClient cloudWatch, Duration refresh, Clock clock) {
    this.cloudWatch = cloudWatch;
    this.refresh = refresh;
    this.clock = clock;
  }

  @Override
  public synchronized Map<String, ClusterFigures> latest(Collection<String> providerIds) {
    Set<String> wanted = new LinkedHashSet<>(providerIds);
    wanted.remove(null);
    if (wanted.isEmpty()) {
      return Map.of();
    }
    Instant now = clock.instant();
    boolean fresh =
        readAt != null && now.isBefore(readAt.plus(refresh)) && readFor.containsAll(wanted);
    if (!fresh) {
      readAt = now;
      readFor = wanted;
      try {
        figures = read(List.copyOf(wanted), now);
      } catch (SdkException e) {
        LOG.warnf(
            "cannot read the clusters' figures from CloudWatch (next try in %s): %s",
            refresh, e.getMessage());
      }
    }
    Map<String, ClusterFigures> shown = new LinkedHashMap<>();
    for (String id : wanted) {
      ClusterFigures f = figures.get(id);
      if (f != null) {
        shown.put(id, f);
      }
    }
    return shown;
  }

  private Map<String, ClusterFigures> read(List<String> clusters, Instant now) {
    Map<String, ClusterFigures> read = new HashMap<>();
    for (int from = 0; from < clusters.size(); from += CLUSTERS_PER_CALL) {
      List<String> chunk =
          clusters.subList(from, Math.min(clusters.size(), from + CLUSTERS_PER_CALL));
      Map<String, Latest> latest = new HashMap<>();
      for (MetricDataResult result :
          cloudWatch.getMetricData(request(chunk, now)).metricDataResults()) {
        if (!result.values().isEmpty() && !result.timestamps().isEmpty()) {
          // Newest first (TIMESTAMP_DESCENDING): the first point is the latest.
          latest.put(result.id(), new Latest(result.timestamps().get(0), result.values().get(0)));
        }
      }
      for (int i = 0; i < chunk.size(); i++) {
        Optional<ClusterFigures> f = figuresOf(i, latest);
        if (f.isPresent()) {
          read.put(chunk.get(i), f.get());
        }
      }
    }
    return read;
  }

  static GetMetricDataRequest request(List<String> clusters, Instant now) {
    List<MetricDataQuery> queries = new ArrayList<>();
    for (int i = 0; i < clusters.size(); i++) {
      String jobFlowId = clusters.get(i);
      for (Metric m : Metric.values()) {
        queries.add(
            MetricDataQuery.builder()
                .id(queryId(i, m))
                .returnData(true)
                .metricStat(
                    s ->
                        s.period(PERIOD_SECONDS)
                            .stat(m.statistic)
                            .metric(
                                metric ->
                                    metric
                                        .namespace(NAMESPACE)
                                        .metricName(m.metricName)
                                        .dimensions(
                                            Dimension.builder()
                                                .name("JobFlowId")
                                                .value(jobFlowId)
                                                .build())))
                .build());
      }
    }
    return GetMetricDataRequest.builder()
        .startTime(now.minus(LOOKBACK))
        .endTime(now)
        .scanBy(ScanBy.TIMESTAMP_DESCENDING)
        .metricDataQueries(queries)
        .build();
  }

  /** A query id: a letter first, then letters, digits and underscores, as CloudWatch requires. */
  static String queryId(int cluster, Metric metric) {
    return "c" + cluster + "_" + metric.ordinal();
  }

  private static Optional<ClusterFigures> figuresOf(int cluster, Map<String, Latest> latest) {
    Latest idle = latest.get(queryId(cluster, Metric.IS_IDLE));
    Latest memory = latest.get(queryId(cluster, Metric.YARN_MEMORY_AVAILABLE));
    Latest pending = latest.get(queryId(cluster, Metric.CONTAINER_PENDING));
    Latest unhealthy = latest.get(queryId(cluster, Metric.UNHEALTHY_NODES));
    Instant at =
        Stream.of(idle, memory, pending, unhealthy)
            .filter(Objects::nonNull)
            .map(Latest::at)
            .max(Instant::compareTo)
            .orElse(null);
    if (at == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ClusterFigures(
            at,
            idle == null ? null : idle.value() >= 1.0,
            memory == null ? null : memory.value(),
            pending == null ? null : Math.round(pending.value()),
            unhealthy == null ? null : Math.round(unhealthy.value())));
  }

  private record Latest(Instant at, double value) {}

  @Override
  public void close() {
    cloudWatch.close();
  }
}
