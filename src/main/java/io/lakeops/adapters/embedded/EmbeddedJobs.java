package io.lakeops.adapters.embedded;

import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.AlreadyExistsException;
import io.lakeops.ports.BoundedCount;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Job definitions in H2. */
final class EmbeddedJobs implements JobStore {
  private static final String TABLE = "state_job";
  private final Sql sql;
  private final Clock clock;

  EmbeddedJobs(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public Job createJob(Job job) {
    Job stored = job.stored(1, now());
    try {
      sql.update(
          "INSERT INTO state_job (id, version, changed_at, doc) VALUES (?, ?, ?, ?)",
          job.id().value(),
          1L,
          stored.updatedAt().toEpochMilli(),
          DomainJson.write(stored));
    } catch (Sql.DuplicateKey e) {
      throw new AlreadyExistsException("job", job.id().value());
    }
    return stored;
  }

  @Override
  public Optional<Job> findJob(JobId id) {
    return sql.queryOne(
        "SELECT doc FROM state_job WHERE id = ?",
        r -> DomainJson.read(r.getString(1), Job.class),
        id.value());
  }

  @Override
  public Job updateJob(Job job) {
    Job stored = job.stored(job.version() + 1, now());
    int rows =
        sql.update(
            "UPDATE state_job SET version = ?, changed_at = ?, doc = ? WHERE id = ? AND version = ?",
            stored.version(),
            stored.updatedAt().toEpochMilli(),
            DomainJson.write(stored),
            job.id().value(),
            job.version());
    Versioned.requireWritten(rows, sql, TABLE, "job", job.id().value(), job.version());
    return stored;
  }

  @Override
  public void deleteJob(JobId id, long expectedVersion) {
    int rows =
        sql.update(
            "DELETE FROM state_job WHERE id = ? AND version = ?", id.value(), expectedVersion);
    Versioned.requireWritten(rows, sql, TABLE, "job", id.value(), expectedVersion);
  }

  @Override
  public Page<Job> listJobs(PageRequest page) {
    String after = page.cursor().map(c -> Keyset.decode(c).id()).orElse("");
    List<Job> rows =
        sql.query(
            "SELECT doc FROM state_job WHERE id > ? ORDER BY id LIMIT ?",
            r -> DomainJson.read(r.getString(1), Job.class),
            after,
            page.limit() + 1);
    return Keyset.page(rows, page.limit(), j -> Keyset.encode(j.id().value()));
  }

  /** Exact: H2 answers a COUNT(*) of a whole table from the row count it keeps, read no row. */
  @Override
  public BoundedCount countJobs(int atMost) {
    long count = sql.queryOne("SELECT COUNT(*) FROM state_job", r -> r.getLong(1)).orElseThrow();
    return BoundedCount.exactly(count);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
