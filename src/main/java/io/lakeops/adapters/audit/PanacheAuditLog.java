package io.lakeops.adapters.audit;

import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The audit log in the local H2 database, through Hibernate ORM with Panache. */
@ApplicationScoped
class PanacheAuditLog implements AuditLog {

  @Override
  public boolean record(AuditEntry entry) {
    if (contains(entry.entityKind(), entry.entityId(), entry.version(), entry.at())) {
      return false;
    }
    try {
      // Its own transaction: a duplicate from a racing writer must not roll back the caller's work.
      QuarkusTransaction.requiringNew().run(() -> AuditRecord.of(entry).persist());
      return true;
    } catch (PersistenceException duplicate) {
      if (contains(entry.entityKind(), entry.entityId(), entry.version(), entry.at())) {
        return false;
      }
      throw duplicate;
    }
  }

  /**
   * One transaction for all: a page of runs created by the scheduler costs one commit. Should one
   * of them be recorded already (the mirror came first), the batch is undone and the entries are
   * recorded one by one, each skipped if present.
   */
  @Override
  public int recordAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return 0;
    }
    try {
      QuarkusTransaction.requiringNew()
          .run(() -> AuditRecord.persist(entries.stream().map(AuditRecord::of)));
      return entries.size();
    } catch (PersistenceException duplicate) {
      return AuditLog.super.recordAll(entries);
    }
  }

  @Override
  @Transactional
  public boolean contains(EntityKind kind, String entityId, long version, Instant at) {
    return AuditRecord.count(
            "entityKind = ?1 and entityId = ?2 and version = ?3 and at = ?4",
            kind,
            entityId,
            version,
            at)
        > 0;
  }

  /** One query along the record index for the records named, matched on version and time here. */
  @Override
  @Transactional
  public Set<ChangeKey> recordedAmong(EntityKind kind, Collection<ChangeKey> changes) {
    if (changes.isEmpty()) {
      return Set.of();
    }
    Set<String> ids = changes.stream().map(ChangeKey::entityId).collect(Collectors.toSet());
    Set<ChangeKey> recorded =
        AuditRecord.getEntityManager()
            .createQuery(
                "select r.entityId, r.version, r.at from AuditRecord r"
                    + " where r.entityKind = :kind and r.entityId in :ids",
                Object[].class)
            .setParameter("kind", kind)
            .setParameter("ids", ids)
            .getResultStream()
            .map(row -> new ChangeKey((String) row[0], (Long) row[1], (Instant) row[2]))
            .collect(Collectors.toSet());
    return changes.stream().filter(recorded::contains).collect(Collectors.toSet());
  }

  @Override
  @Transactional
  public Page<AuditEntry> search(AuditQuery query, PageRequest page) {
    StringBuilder where = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    List<String> clauses = new ArrayList<>();
    query
        .entityKind()
        .ifPresent(
            k -> {
              clauses.add("entityKind = :kind");
              params.and("kind", k);
            });
    query
        .entityId()
        .ifPresent(
            id -> {
              clauses.add("entityId = :id");
              params.and("id", id);
            });
    query
        .actor()
        .ifPresent(
            a -> {
              clauses.add("actor = :actor");
              params.and("actor", a);
            });
    query
        .from()
        .ifPresent(
            f -> {
              clauses.add("at >= :from");
              params.and("from", f);
            });
    query
        .to()
        .ifPresent(
            t -> {
              clauses.add("at < :to");
              params.and("to", t);
            });
    page.cursor()
        .ifPresent(
            c -> {
              clauses.add("sequence < :after");
              params.and("after", parseCursor(c));
            });
    clauses.forEach(c -> where.append(" and ").append(c));
    // range is inclusive: one row more than asked tells whether another page follows.
    List<AuditRecord> rows =
        AuditRecord.<AuditRecord>find(where + " order by " + order(query), params)
            .range(0, page.limit())
            .list();
    boolean more = rows.size() > page.limit();
    List<AuditEntry> entries = rows.stream().limit(page.limit()).map(AuditRecord::toEntry).toList();
    return new Page<>(
        entries,
        more
            ? Optional.of(String.valueOf(entries.get(entries.size() - 1).sequence()))
            : Optional.empty());
  }

  @Override
  @Transactional
  public Optional<AuditEntry> latest(EntityKind kind, String entityId) {
    return AuditRecord.<AuditRecord>find(
            "entityKind = ?1 and entityId = ?2 order by entityKind, entityId, sequence desc",
            kind,
            entityId)
        .firstResultOptional()
        .map(AuditRecord::toEntry);
  }

  /**
   * Newest first, led by the columns held equal that lead an index (audit_entry_by_entity, else
   * _by_actor): H2 walks an index in order only when the order names its columns from the first;
   * otherwise it reads every entry of the actor or record and sorts them.
   */
  private static String order(AuditQuery query) {
    if (query.entityKind().isPresent() && query.entityId().isPresent()) {
      return "entityKind, entityId, sequence desc";
    }
    if (query.actor().isPresent()) {
      return "actor, sequence desc";
    }
    return "sequence desc";
  }

  private static long parseCursor(String cursor) {
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("page cursor is not one this log made");
    }
  }
}
