package io.lakeops.web.pages;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/** Reads what the run page and its live status section show of one run. */
@ApplicationScoped
class RunDetails {
  /** Changes of one run shown on its timeline: the newest ones, should a run have very many. */
  private static final int TIMELINE = 100;

  private final StateStore store;
  private final AuditLog audit;
  private final Clock clock;

  RunDetails(StateStore store, AuditLog audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  RunView of(RunId id) {
    JobRun run = store.findRun(id).orElseThrow(() -> new NotFoundException("run", id.value()));
    Job job = store.findJob(run.jobId()).orElse(null);
    Cluster cluster = run.cluster() == null ? null : store.findCluster(run.cluster()).orElse(null);
    String report = run.result() == null ? null : run.result().qualityReport();
    Optional<QualityReportView> quality = QualityReportView.parse(report);
    var changes =
        audit.search(
            new AuditQuery(
                Optional.of(EntityKind.RUN),
                Optional.of(id.value()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            PageRequest.first(TIMELINE));
    return new RunView(
        run,
        job,
        cluster,
        quality.orElse(null),
        quality.isPresent() || report == null ? "" : report,
        TimelinePoint.of(run, changes.items()),
        clock.instant());
  }
}
