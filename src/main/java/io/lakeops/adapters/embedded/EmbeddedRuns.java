package io.lakeops.adapters.embedded;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.RunStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Runs in H2, with the same indexes the DynamoDB tables have. */
final class EmbeddedRuns implements RunStore {
  private static final String TABLE = "state_run";
  private static final String COLUMNS =
      "id, job_id, state, cluster_id, occupying_cluster, scheduled_for, version, changed_at, doc";
  private final Sql sql;
  private final Clock clock;

  EmbeddedRuns(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public Created<JobRun> createRunIfAbsent(JobRun run) {
    JobRun stored = run.stored(1, now());
    try {
      sql.update(
          "INSERT INTO state_run (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          columns(stored));
      return new Created<>(stored, true);
    } catch (Sql.DuplicateKey e) {
      return new Created<>(findRun(run.id()).orElseThrow(), false);
    }
  }

  @Override
  public Optional<JobRun> findRun(RunId id) {
    return sql.queryOne("SELECT doc FROM state_run WHERE id = ?", EmbeddedRuns::read, id.value());
  }

  @Override
  public JobRun updateRun(JobRun run) {
    JobRun stored = run.stored(run.version() + 1, now());
    Object[] values = columns(stored);
    int rows =
        sql.update(
            "UPDATE state_run SET job_id = ?, state = ?, cluster_id = ?, occupying_cluster = ?,"
                + " scheduled_for = ?, version = ?, changed_at = ?, doc = ?"
                + " WHERE id = ? AND version = ?",
            values[1],
            values[2],
            values[3],
            values[4],
            values[5],
            values[6],
            values[7],
            values[8],
            run.id().value(),
            run.version());
    Versioned.requireWritten(rows, sql, TABLE, "run", run.id().value(), run.version());
    return stored;
  }

  @Override
  public Page<JobRun> findRuns(RunQuery query, PageRequest page) {
    // Walks state_run_by_job_state or _by_job, else _by_cluster, else _by_state, else _newest. A
    // filter on a job and a cluster, or a cluster and a state, reads along the first index and
    // filters: bounded by one job's (or cluster's) runs, not by the table.
    IndexWalk walk = new IndexWalk();
    if (query.job().isPresent()) {
      walk.along("job_id", query.job().get().value());
      query.state().ifPresent(s -> walk.along("state", s.name()));
      query.cluster().ifPresent(c -> walk.where("cluster_id = ?", c.value()));
    } else if (query.cluster().isPresent()) {
      walk.along("cluster_id", query.cluster().get().value());
      query.state().ifPresent(s -> walk.where("state = ?", s.name()));
    } else {
      query.state().ifPresent(s -> walk.along("state", s.name()));
    }
    page.cursor()
        .map(Keyset::decode)
        .ifPresent(
            p ->
                walk.where(
                    "scheduled_for <= ? AND (scheduled_for < ? OR id < ?)",
                    p.number(),
                    p.number(),
                    p.id()));
    List<JobRun> rows =
        sql.query(
            "SELECT doc FROM state_run " + walk.clauses("scheduled_for DESC, id DESC") + " LIMIT ?",
            EmbeddedRuns::read,
            walk.params(page.limit() + 1));
    return Keyset.page(
        rows, page.limit(), r -> Keyset.encode(r.scheduledFor().toEpochMilli(), r.id().value()));
  }

  @Override
  public Page<JobRun> findRunsOccupying(ClusterId cluster, PageRequest page) {
    String after = page.cursor().map(c -> Keyset.decode(c).id()).orElse("");
    List<JobRun> rows =
        sql.query(
            "SELECT doc FROM state_run WHERE occupying_cluster = ? AND id > ?"
                + " ORDER BY occupying_cluster, id LIMIT ?",
            EmbeddedRuns::read,
            cluster.value(),
            after,
            page.limit() + 1);
    return Keyset.page(rows, page.limit(), r -> Keyset.encode(r.id().value()));
  }

  private static Object[] columns(JobRun run) {
    String cluster = run.cluster() == null ? null : run.cluster().value();
    return new Object[] {
      run.id().value(),
      run.jobId().value(),
      run.state().name(),
      cluster,
      run.state().occupiesCluster() ? cluster : null,
      run.scheduledFor().toEpochMilli(),
      run.version(),
      run.updatedAt().toEpochMilli(),
      DomainJson.write(run)
    };
  }

  static JobRun read(java.sql.ResultSet row) throws java.sql.SQLException {
    return DomainJson.read(row.getString("doc"), JobRun.class);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
