package io.lakeops.adapters.embedded;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobRun;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.Change;
import io.lakeops.ports.ChangeFeed;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import java.time.Instant;
import java.util.List;

/** The change feed from the {@code changed_at} index of each table. */
final class EmbeddedChangeFeed implements ChangeFeed {
  private final Sql sql;

  EmbeddedChangeFeed(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Page<Change> changesSince(EntityKind kind, Instant since, PageRequest page) {
    Keyset.Position after =
        page.cursor().map(Keyset::decode).orElse(new Keyset.Position(since.toEpochMilli(), ""));
    Class<?> type = typeOf(kind);
    // Table names come from this fixed switch, never from input.
    String table = tableOf(kind);
    List<Change> rows =
        sql.query(
            "SELECT id, version, changed_at, doc FROM "
                + table
                // The first bound alone starts the index range; an OR of the two would not.
                + " WHERE changed_at >= ? AND (changed_at > ? OR id > ?)"
                + " ORDER BY changed_at, id LIMIT ?",
            r ->
                new Change(
                    kind,
                    r.getString(1),
                    r.getLong(2),
                    Instant.ofEpochMilli(r.getLong(3)),
                    DomainJson.read(r.getString(4), type)),
            after.number(),
            after.number(),
            after.id(),
            page.limit() + 1);
    return Keyset.page(
        rows, page.limit(), c -> Keyset.encode(c.changedAt().toEpochMilli(), c.id()));
  }

  private static String tableOf(EntityKind kind) {
    return switch (kind) {
      case JOB -> "state_job";
      case RUN -> "state_run";
      case CLUSTER -> "state_cluster";
    };
  }

  private static Class<?> typeOf(EntityKind kind) {
    return switch (kind) {
      case JOB -> Job.class;
      case RUN -> JobRun.class;
      case CLUSTER -> Cluster.class;
    };
  }
}
