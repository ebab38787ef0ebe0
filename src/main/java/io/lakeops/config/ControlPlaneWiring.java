package io.lakeops.config;

import io.lakeops.control.audit.AuditMirrorSync;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.clusters.ClusterLifecycle;
import io.lakeops.control.jobs.JobDefinitionService;
import io.lakeops.control.jobs.JobDefinitionValidator;
import io.lakeops.control.overview.LakeOverview;
import io.lakeops.control.scheduling.ScheduleEntries;
import io.lakeops.domain.Pool;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.Snapshots;
import io.lakeops.ports.StateStore;
import io.lakeops.ports.StreamingProgress;
import io.lakeops.ports.SyncPositions;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Wires the control plane, which is plain Java, from configuration and the adapters chosen for this
 * installation.
 */
@ApplicationScoped
class ControlPlaneWiring {

  /** The configured pools, checked at start: a bad key stops the console with its name. */
  @Produces
  @Startup
  @ApplicationScoped
  List<Pool> pools(PoolsConfig config) {
    return config.pools().entrySet().stream()
        .map(e -> PoolSettings.toPool(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(p -> p.name().value()))
        .toList();
  }

  @Produces
  @ApplicationScoped
  AuditTrail auditTrail(AuditLog log, Snapshots snapshots) {
    return new AuditTrail(log, snapshots);
  }

  @Produces
  @ApplicationScoped
  LakeOverview lakeOverview(StateStore store, StreamingProgress progress, Clock clock) {
    return new LakeOverview(store, store, progress, clock);
  }

  @Produces
  @ApplicationScoped
  JobDefinitionValidator jobDefinitionValidator(
      List<Pool> pools, SourcesConfig sources, JobsConfig jobs) {
    return new JobDefinitionValidator(
        pools.stream().map(Pool::name).collect(Collectors.toSet()),
        sources.sources().keySet(),
        jobs.minimumInterval());
  }

  @Produces
  @ApplicationScoped
  JobDefinitionService jobDefinitions(
      StateStore store,
      ScheduleStore schedule,
      AuditTrail audit,
      JobDefinitionValidator validator,
      Clock clock) {
    return new JobDefinitionService(
        store, audit, validator, clock, new ScheduleEntries(schedule, store));
  }

  @Produces
  @ApplicationScoped
  AuditMirrorSync auditMirrorSync(
      StateStore store,
      AuditLog log,
      SyncPositions positions,
      Snapshots snapshots,
      Clock clock,
      AuditConfig config) {
    return new AuditMirrorSync(
        store,
        log,
        positions,
        snapshots,
        clock,
        new AuditMirrorSync.Settings(
            config.syncOverlap(), config.syncSettle(), config.firstLookback()));
  }

  @Produces
  @ApplicationScoped
  ClusterLifecycle clusterLifecycle(
      StateStore store, ClusterProvider provider, AuditTrail audit, Clock clock) {
    return new ClusterLifecycle(store, provider, audit, clock);
  }
}
