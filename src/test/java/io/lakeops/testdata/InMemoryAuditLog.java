package io.lakeops.testdata;

import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.SyncPositions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An audit log and sync positions in memory, for plain unit tests of the control plane. */
public final class InMemoryAuditLog implements AuditLog, SyncPositions {
  private final List<AuditEntry> entries = new ArrayList<>();
  private final Map<EntityKind, Instant> positions = new EnumMap<>(EntityKind.class);

  private final List<Integer> batches = new ArrayList<>();

  public synchronized List<AuditEntry> entries() {
    return List.copyOf(entries);
  }

  /** The sizes of the batches given to {@link #recordAll}, in order. */
  public synchronized List<Integer> batches() {
    return List.copyOf(batches);
  }

  @Override
  public synchronized int recordAll(List<AuditEntry> given) {
    batches.add(given.size());
    return AuditLog.super.recordAll(given);
  }

  @Override
  public synchronized boolean record(AuditEntry e) {
    if (contains(e.entityKind(), e.entityId(), e.version(), e.at())) {
      return false;
    }
    entries.add(
        new AuditEntry(
            entries.size() + 1,
            e.at(),
            e.actor(),
            e.action(),
            e.entityKind(),
            e.entityId(),
            e.version(),
            e.reason(),
            e.before(),
            e.after()));
    return true;
  }

  @Override
  public synchronized boolean contains(EntityKind kind, String id, long version, Instant at) {
    return entries.stream()
        .anyMatch(
            e ->
                e.entityKind() == kind
                    && e.entityId().equals(id)
                    && e.version() == version
                    && e.at().equals(at));
  }

  @Override
  public synchronized Page<AuditEntry> search(AuditQuery query, PageRequest page) {
    throw new UnsupportedOperationException("not needed by the unit tests that use this fake");
  }

  @Override
  public synchronized Optional<AuditEntry> latest(EntityKind kind, String id) {
    return entries.stream()
        .filter(e -> e.entityKind() == kind && e.entityId().equals(id))
        .reduce((first, second) -> second);
  }

  @Override
  public synchronized Optional<Instant> position(EntityKind kind) {
    return Optional.ofNullable(positions.get(kind));
  }

  @Override
  public synchronized void save(EntityKind kind, Instant position) {
    positions.put(kind, position);
  }
}
