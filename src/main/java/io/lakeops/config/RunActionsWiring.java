package io.lakeops.config;

import io.lakeops.control.actions.CancelAction;
import io.lakeops.control.actions.ClusterActions;
import io.lakeops.control.actions.RerunAction;
import io.lakeops.control.actions.RunNowAction;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.control.clusters.ClusterLifecycle;
import io.lakeops.domain.Pool;
import io.lakeops.ports.ClusterProvider;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.SparkSubmitter;
import io.lakeops.ports.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.List;

/**
 * Wires the operators' run and cluster actions (plain Java) to the stores, the submitter and the
 * clock.
 */
@ApplicationScoped
class RunActionsWiring {

  @Produces
  @ApplicationScoped
  RerunAction rerunAction(StateStore store, AuditTrail audit, Clock clock) {
    return new RerunAction(store, store, audit, clock);
  }

  @Produces
  @ApplicationScoped
  CancelAction cancelAction(
      StateStore store, SparkSubmitter submitter, AuditTrail audit, Clock clock) {
    return new CancelAction(store, store, submitter, audit, clock);
  }

  @Produces
  @ApplicationScoped
  ClusterActions clusterActions(
      List<Pool> pools,
      StateStore store,
      ClusterProvider provider,
      ClusterLifecycle lifecycle,
      AuditTrail audit,
      Clock clock) {
    return new ClusterActions(pools, store, provider, lifecycle, audit, clock);
  }

  @Produces
  @ApplicationScoped
  RunNowAction runNowAction(
      StateStore store, ScheduleStore schedule, AuditTrail audit, Clock clock) {
    return new RunNowAction(store, store, schedule, audit, clock);
  }
}
