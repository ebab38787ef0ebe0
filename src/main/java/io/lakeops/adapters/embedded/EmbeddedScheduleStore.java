package io.lakeops.adapters.embedded;

import io.lakeops.domain.JobId;
import io.lakeops.ports.AlreadyExistsException;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The due index in H2: table {@code state_schedule}, read through its {@code next_due_at} index.
 */
public final class EmbeddedScheduleStore implements ScheduleStore {
  private static final String TABLE = "state_schedule";
  private static final String ENTITY = "schedule entry";
  private static final String COLUMNS =
      "id, next_due_at, last_scheduled_for, watermark, alert, version, changed_at";

  private final Sql sql;
  private final Clock clock;

  public EmbeddedScheduleStore(DataSource dataSource, Clock clock) {
    this.sql = new Sql(dataSource);
    this.clock = clock;
  }

  @Override
  public Page<ScheduleEntry> findDue(Instant now, PageRequest page) {
    // The cursor is (nextDueAt, id) of the last entry served; advanced entries move past now and
    // drop out, so a later page never serves an entry twice.
    Keyset.Position after =
        page.cursor().map(Keyset::decode).orElse(new Keyset.Position(Long.MIN_VALUE, ""));
    List<ScheduleEntry> rows =
        sql.query(
            "SELECT "
                + COLUMNS
                + " FROM state_schedule WHERE next_due_at <= ? AND next_due_at >= ?"
                + " AND (next_due_at > ? OR id > ?)"
                + " ORDER BY next_due_at, id LIMIT ?",
            EmbeddedScheduleStore::read,
            now.toEpochMilli(),
            after.number(),
            after.number(),
            after.id(),
            page.limit() + 1);
    return Keyset.page(
        rows, page.limit(), e -> Keyset.encode(e.nextDueAt().toEpochMilli(), e.job().value()));
  }

  @Override
  public Optional<ScheduleEntry> findEntry(JobId job) {
    return sql.queryOne(
        "SELECT " + COLUMNS + " FROM state_schedule WHERE id = ?",
        EmbeddedScheduleStore::read,
        job.value());
  }

  @Override
  public ScheduleEntry createEntry(ScheduleEntry entry) {
    ScheduleEntry stored = entry.stored(1, now());
    try {
      sql.update(
          "INSERT INTO state_schedule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
          stored.job().value(),
          millis(stored.nextDueAt()),
          millis(stored.lastScheduledFor()),
          stored.watermark(),
          stored.alert(),
          1L,
          stored.updatedAt().toEpochMilli());
    } catch (Sql.DuplicateKey e) {
      throw new AlreadyExistsException(ENTITY, entry.job().value());
    }
    return stored;
  }

  @Override
  public ScheduleEntry updateEntry(ScheduleEntry entry) {
    ScheduleEntry stored = entry.stored(entry.version() + 1, now());
    int rows =
        sql.update(
            "UPDATE state_schedule SET next_due_at = ?, last_scheduled_for = ?, watermark = ?,"
                + " alert = ?, version = ?, changed_at = ? WHERE id = ? AND version = ?",
            millis(stored.nextDueAt()),
            millis(stored.lastScheduledFor()),
            stored.watermark(),
            stored.alert(),
            stored.version(),
            stored.updatedAt().toEpochMilli(),
            entry.job().value(),
            entry.version());
    Versioned.requireWritten(rows, sql, TABLE, ENTITY, entry.job().value(), entry.version());
    return stored;
  }

  @Override
  public void deleteEntry(JobId job, long expectedVersion) {
    int rows =
        sql.update(
            "DELETE FROM state_schedule WHERE id = ? AND version = ?",
            job.value(),
            expectedVersion);
    Versioned.requireWritten(rows, sql, TABLE, ENTITY, job.value(), expectedVersion);
  }

  private static ScheduleEntry read(ResultSet row) throws SQLException {
    return new ScheduleEntry(
        new JobId(row.getString("id")),
        instant(row, "next_due_at"),
        instant(row, "last_scheduled_for"),
        row.getString("watermark"),
        row.getString("alert"),
        row.getLong("version"),
        instant(row, "changed_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static Long millis(Instant value) {
    return value == null ? null : value.toEpochMilli();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
