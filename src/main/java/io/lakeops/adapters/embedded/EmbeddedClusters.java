package io.lakeops.adapters.embedded;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.ClusterId;
import io.lakeops.domain.PoolName;
import io.lakeops.json.DomainJson;
import io.lakeops.ports.AlreadyExistsException;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Clusters in H2. */
final class EmbeddedClusters implements ClusterStore {
  private static final String TABLE = "state_cluster";
  private final Sql sql;
  private final Clock clock;

  EmbeddedClusters(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public Cluster createCluster(Cluster cluster) {
    Cluster stored = cluster.stored(1, now());
    try {
      sql.update(
          "INSERT INTO state_cluster (id, pool, live, requested_at, version, changed_at, doc)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?)",
          stored.id().value(),
          stored.pool().value(),
          !stored.state().isTerminal(),
          stored.requestedAt().toEpochMilli(),
          1L,
          stored.updatedAt().toEpochMilli(),
          DomainJson.write(stored));
    } catch (Sql.DuplicateKey e) {
      throw new AlreadyExistsException("cluster", cluster.id().value());
    }
    return stored;
  }

  @Override
  public Optional<Cluster> findCluster(ClusterId id) {
    return sql.queryOne(
        "SELECT doc FROM state_cluster WHERE id = ?", EmbeddedClusters::read, id.value());
  }

  @Override
  public Cluster updateCluster(Cluster cluster) {
    Cluster stored = cluster.stored(cluster.version() + 1, now());
    int rows =
        sql.update(
            "UPDATE state_cluster SET pool = ?, live = ?, requested_at = ?, version = ?,"
                + " changed_at = ?, doc = ? WHERE id = ? AND version = ?",
            stored.pool().value(),
            !stored.state().isTerminal(),
            stored.requestedAt().toEpochMilli(),
            stored.version(),
            stored.updatedAt().toEpochMilli(),
            DomainJson.write(stored),
            cluster.id().value(),
            cluster.version());
    Versioned.requireWritten(rows, sql, TABLE, "cluster", cluster.id().value(), cluster.version());
    return stored;
  }

  @Override
  public Page<Cluster> findClusters(PoolName pool, PageRequest page) {
    Keyset.Position after =
        page.cursor().map(Keyset::decode).orElse(new Keyset.Position(Long.MAX_VALUE, "\uffff"));
    List<Cluster> rows =
        sql.query(
            "SELECT doc FROM state_cluster WHERE pool = ?"
                + " AND requested_at <= ? AND (requested_at < ? OR id < ?)"
                + " ORDER BY pool, requested_at DESC, id DESC LIMIT ?",
            EmbeddedClusters::read,
            pool.value(),
            after.number(),
            after.number(),
            after.id(),
            page.limit() + 1);
    return Keyset.page(
        rows, page.limit(), c -> Keyset.encode(c.requestedAt().toEpochMilli(), c.id().value()));
  }

  @Override
  public Page<Cluster> findLiveClusters(PageRequest page) {
    String after = page.cursor().map(c -> Keyset.decode(c).id()).orElse("");
    List<Cluster> rows =
        sql.query(
            "SELECT doc FROM state_cluster WHERE live = TRUE AND id > ? ORDER BY live, id LIMIT ?",
            EmbeddedClusters::read,
            after,
            page.limit() + 1);
    return Keyset.page(rows, page.limit(), c -> Keyset.encode(c.id().value()));
  }

  static Cluster read(java.sql.ResultSet row) throws java.sql.SQLException {
    return DomainJson.read(row.getString("doc"), Cluster.class);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
