package io.lakeops.web.pages;

import io.lakeops.config.ClustersConfig;
import io.lakeops.control.clusters.ClusterHealth;
import io.lakeops.control.clusters.LaunchBackoff;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterDeath;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.ClusterState;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.Pool;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.ClusterFigures;
import io.lakeops.ports.ClusterMetrics;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the clusters pane shows of each pool, from bounded reads only: the pool's recent clusters
 * (one page), the runs on each live one (one page each), and the newest cluster audit entries.
 */
@ApplicationScoped
class ClustersView {
  private static final int RECENT = 20;
  private static final int RUNS_SHOWN = 10;
  private static final int EVENTS_READ = 100;
  private static final int EVENTS_SHOWN = 8;

  private final List<Pool> pools;
  private final ClusterStore clusters;
  private final RunStore runs;
  private final AuditLog audit;
  private final ClusterHealth health;
  private final LaunchBackoff backoff;
  private final ClusterProvider provider;
  private final ClusterMetrics metrics;
  private final Clock clock;
  private final boolean eventsOn;

  ClustersView(
      List<Pool> pools,
      ClusterStore clusters,
      RunStore runs,
      AuditLog audit,
      ClusterHealth health,
      LaunchBackoff backoff,
      ClusterProvider provider,
      ClusterMetrics metrics,
      Clock clock,
      ClustersConfig config) {
    this.pools = pools;
    this.clusters = clusters;
    this.runs = runs;
    this.audit = audit;
    this.health = health;
    this.backoff = backoff;
    this.provider = provider;
    this.metrics = metrics;
    this.clock = clock;
    this.eventsOn = config.events().sqsQueueUrl().filter(url -> !url.isBlank()).isPresent();
  }

  /**
   * The pane: one section per pool, whether clusters here can simulate a spot loss, and whether
   * their provider keeps health figures.
   */
  record Pane(
      List<PoolPane> pools,
      boolean canSimulateLoss,
      boolean hasFigures,
      boolean eventsOn,
      Instant at) {}

  /**
   * One pool: its settings, alert, live clusters, recent events, and its recent clusters that ended
   * without being asked to (newest first), with how each death was noticed.
   */
  record PoolPane(
      Pool pool, String alert, List<Row> clusters, List<AuditEntry> events, List<Cluster> deaths) {
    /** Deaths an EMR state-change event told of first. */
    public long byEvent() {
      return deaths.stream().filter(c -> c.death().signal() == ClusterDeath.Signal.EVENT).count();
    }

    /** Deaths the poll found first: with events on, the ones the events missed. */
    public long byPoll() {
      return deaths.size() - byEvent();
    }

    public long ready() {
      return clusters.stream().filter(r -> r.cluster().state() == ClusterState.READY).count();
    }

    public boolean rotating() {
      return clusters.stream().anyMatch(r -> r.cluster().rotation() != null);
    }
  }

  /**
   * One live cluster.
   *
   * @param age how long it has been READY; null before
   * @param nextRotation when the pool's policy rotates it; null for never
   * @param livy the leader's last pings, as words
   * @param runs the runs on it now
   * @param figures its provider's latest health figures; null where there are none
   */
  record Row(
      Cluster cluster,
      Duration age,
      Instant nextRotation,
      String livy,
      List<JobRun> runs,
      ClusterFigures figures) {
    /** Whether an operator may still terminate it (it is not on its way out already). */
    public boolean terminable() {
      return cluster.state() != ClusterState.TERMINATING;
    }

    /** The health figures as words, for example "busy · 63% YARN memory free · 2 pending". */
    public String health() {
      return figures == null ? "—" : HealthText.of(figures);
    }
  }

  Pane pane() {
    Instant now = clock.instant();
    List<AuditEntry> events =
        audit
            .search(
                new AuditQuery(
                    Optional.of(EntityKind.CLUSTER),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()),
                PageRequest.first(EVENTS_READ))
            .items();
    Map<Pool, List<Cluster>> recentByPool = new LinkedHashMap<>();
    for (Pool pool : pools) {
      recentByPool.put(pool, clusters.findClusters(pool.name(), PageRequest.first(RECENT)).items());
    }
    Map<String, ClusterFigures> figures =
        metrics.latest(
            recentByPool.values().stream()
                .flatMap(List::stream)
                .filter(c -> !c.state().isTerminal() && c.providerId() != null)
                .map(Cluster::providerId)
                .toList());
    List<PoolPane> panes = new ArrayList<>();
    for (Map.Entry<Pool, List<Cluster>> entry : recentByPool.entrySet()) {
      Pool pool = entry.getKey();
      List<Cluster> recent = entry.getValue();
      Set<String> ids = recent.stream().map(c -> c.id().value()).collect(Collectors.toSet());
      List<Row> rows =
          recent.stream()
              .filter(c -> !c.state().isTerminal())
              .sorted(Comparator.comparing(Cluster::requestedAt))
              .map(
                  c ->
                      row(
                          pool,
                          c,
                          c.providerId() == null ? null : figures.get(c.providerId()),
                          now))
              .toList();
      panes.add(
          new PoolPane(
              pool,
              backoff.judge(recent).alert(),
              rows,
              events.stream().filter(e -> ids.contains(e.entityId())).limit(EVENTS_SHOWN).toList(),
              recent.stream().filter(c -> c.death() != null).toList()));
    }
    return new Pane(panes, provider.canSimulateLoss(), metrics.keepsFigures(), eventsOn, now);
  }

  private Row row(Pool pool, Cluster c, ClusterFigures figures, Instant now) {
    Duration age = c.readyAt() == null ? null : Duration.between(c.readyAt(), now);
    return new Row(
        c,
        age,
        pool.rotation().dueAt(c.readyAt()),
        livy(c.id()),
        runs.findRunsOccupying(c.id(), PageRequest.first(RUNS_SHOWN)).items(),
        figures);
  }

  private String livy(ClusterId id) {
    ClusterHealth.Pings pings = health.of(id);
    if (pings == null) {
      return "—";
    }
    return pings.missedInARow() == 0 ? "answers" : pings.missedInARow() + " missed in a row";
  }
}
