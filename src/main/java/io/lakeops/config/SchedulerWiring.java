package io.lakeops.config;

import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.clusters.ClusterHealth;
import io.lakeops.control.clusters.LaunchBackoff;
import io.lakeops.control.clusters.PoolReconciler;
import io.lakeops.control.runs.SubmitRequests;
import io.lakeops.control.scheduling.ControlLoop;
import io.lakeops.control.scheduling.SchedulerSettings;
import io.lakeops.domain.Pool;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.RunResults;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.SourceWatermarks;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Wires the scheduler and the run loops (plain Java in {@code control}) into one leader pass. */
@ApplicationScoped
class SchedulerWiring {

  @Produces
  @Singleton // a record cannot be proxied
  SchedulerSettings schedulerSettings(SchedulerConfig config) {
    return new SchedulerSettings(
        config.catchUpCap(),
        config.pageSize(),
        config.streamingCheckEvery(),
        config.restartLoopRestarts(),
        config.restartLoopPeriod(),
        config.tickThreads());
  }

  @Produces
  @ApplicationScoped
  ControlLoop controlLoop(
      SchedulerConfig config,
      SchedulerSettings settings,
      StateStore store,
      ScheduleStore schedule,
      AuditTrail audit,
      SparkSubmitter submitter,
      SubmitRequests requests,
      RunResults results,
      SourceWatermarks watermarks,
      ControlLoop.Clusters clusters) {
    return ControlLoop.over(
        store,
        schedule,
        audit,
        submitter,
        requests,
        results,
        watermarks,
        settings,
        clusters,
        new ControlLoop.Timing(
            replicaName(), config.leaseTtl(), config.repairInterval(), config.repairOverlap()));
  }

  /** The pools' clusters as the leader pass keeps them. */
  @Produces
  @Singleton // a record cannot be proxied
  ControlLoop.Clusters clusters(
      ClusterProvider provider,
      List<Pool> pools,
      ClustersConfig config,
      ClusterHealth health,
      Clock clock) {
    return new ControlLoop.Clusters(
        provider,
        pools,
        new PoolReconciler.Settings(
            config.livyUnreachableChecks(),
            config.startTimeout(),
            new LaunchBackoff(config.launchBackoff(), config.launchBackoffMax(), 3)),
        health,
        clock);
  }

  /** The leader's Livy pings, shared with the clusters page. */
  @Produces
  @Singleton
  ClusterHealth clusterHealth() {
    return new ClusterHealth();
  }

  /** How the clusters page judges a pool's launches, as the reconciler does. */
  @Produces
  @Singleton
  LaunchBackoff launchBackoff(ControlLoop.Clusters clusters) {
    return clusters.judged().backoff();
  }

  /** Who holds the leader lease: the host, and a random part so two consoles on one host differ. */
  private static String replicaName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
