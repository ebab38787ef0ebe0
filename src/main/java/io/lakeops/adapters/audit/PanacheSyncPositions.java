package io.lakeops.adapters.audit;

import io.lakeops.ports.EntityKind;
import io.lakeops.ports.SyncPositions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** The audit sync's positions, beside the audit log so both survive a restart together. */
@ApplicationScoped
class PanacheSyncPositions implements SyncPositions {

  @Override
  @Transactional
  public Optional<Instant> position(EntityKind kind) {
    return SyncPositionRecord.<SyncPositionRecord>findByIdOptional(kind).map(r -> r.position);
  }

  @Override
  @Transactional
  public void save(EntityKind kind, Instant position) {
    SyncPositionRecord row = SyncPositionRecord.findById(kind);
    if (row == null) {
      row = new SyncPositionRecord();
      row.kind = kind;
      row.position = position;
      row.persist();
    } else {
      row.position = position;
    }
  }
}
