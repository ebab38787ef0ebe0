package io.lakeops.adapters.embedded;

import io.lakeops.ports.Lease;
import io.lakeops.ports.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Leases in H2: an insert for a free lease, a conditional update to renew or take over one. */
final class EmbeddedLeases implements LeaseStore {
  private final Sql sql;

  EmbeddedLeases(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<Lease> tryAcquire(String name, String holder, Duration ttl, Instant now) {
    Instant until = now.plus(ttl).truncatedTo(ChronoUnit.MILLIS);
    int rows =
        sql.update(
            "UPDATE state_lease SET holder = ?, expires_at = ?, version = version + 1"
                + " WHERE name = ? AND (holder = ? OR expires_at <= ?)",
            holder,
            until.toEpochMilli(),
            name,
            holder,
            now.toEpochMilli());
    if (rows == 0) {
      try {
        sql.update(
            "INSERT INTO state_lease (name, holder, expires_at, version) VALUES (?, ?, ?, 1)",
            name,
            holder,
            until.toEpochMilli());
      } catch (Sql.DuplicateKey heldByAnother) {
        return Optional.empty();
      }
    }
    return Optional.of(new Lease(name, holder, until));
  }

  @Override
  public void release(String name, String holder) {
    sql.update("DELETE FROM state_lease WHERE name = ? AND holder = ?", name, holder);
  }

  @Override
  public Optional<Lease> findLease(String name) {
    return sql.queryOne(
        "SELECT name, holder, expires_at FROM state_lease WHERE name = ?",
        r -> new Lease(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))),
        name);
  }
}
