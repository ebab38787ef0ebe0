package io.lakeops.control.audit;

import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.Change;
import io.lakeops.ports.ChangeFeed;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.Snapshots;
import io.lakeops.ports.SyncPositions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Brings changes made behind the console's back (another writer of the state store, such as a
 * Lambda orchestrator) into the local audit mirror, with actor {@code external}.
 *
 * <p>It re-reads an overlap before its saved position, so writers whose clocks lag are not missed,
 * and leaves changes younger than a settle delay for the next pass, so the console's own write and
 * its audit entry are never told apart as two changes. Changes already recorded (same record,
 * version and time) are skipped, which also makes a catch-up after downtime free of duplicates.
 */
public final class AuditMirrorSync {
  private static final int PAGE_SIZE = 200;

  private final ChangeFeed feed;
  private final AuditLog log;
  private final SyncPositions positions;
  private final Snapshots snapshots;
  private final Clock clock;
  private final Settings settings;

  /**
   * @param overlap how far before the saved position each pass re-reads
   * @param settle how old a change must be before it is mirrored
   * @param firstLookback how far back the very first pass reads
   */
  public record Settings(Duration overlap, Duration settle, Duration firstLookback) {}

  public AuditMirrorSync(
      ChangeFeed feed,
      AuditLog log,
      SyncPositions positions,
      Snapshots snapshots,
      Clock clock,
      Settings settings) {
    this.feed = feed;
    this.log = log;
    this.positions = positions;
    this.snapshots = snapshots;
    this.clock = clock;
    this.settings = settings;
  }

  /** One pass over every kind of record; returns how many external changes were recorded. */
  public int syncOnce() {
    int recorded = 0;
    for (EntityKind kind : EntityKind.values()) {
      recorded += sync(kind);
    }
    return recorded;
  }

  private int sync(EntityKind kind) {
    Instant now = clock.instant();
    Instant horizon = now.minus(settings.settle());
    Instant saved = positions.position(kind).orElse(now.minus(settings.firstLookback()));
    Instant reached = saved;
    int recorded = 0;
    PageRequest request = PageRequest.first(PAGE_SIZE);
    while (true) {
      Page<Change> page = feed.changesSince(kind, saved.minus(settings.overlap()), request);
      // Most changes are the console's own, recorded when made: one question for the page.
      Set<AuditLog.ChangeKey> known =
          log.recordedAmong(
              kind,
              page.items().stream()
                  .filter(c -> !c.changedAt().isAfter(horizon))
                  .map(AuditMirrorSync::key)
                  .toList());
      for (Change change : page.items()) {
        if (change.changedAt().isAfter(horizon)) {
          positions.save(kind, reached);
          return recorded;
        }
        if (!known.contains(key(change)) && mirror(change)) {
          recorded++;
        }
        if (change.changedAt().isAfter(reached)) {
          reached = change.changedAt();
        }
      }
      if (page.next().isEmpty()) {
        positions.save(kind, reached.isAfter(horizon) ? reached : horizon);
        return recorded;
      }
      request = PageRequest.after(PAGE_SIZE, page.next().get());
    }
  }

  private static AuditLog.ChangeKey key(Change change) {
    return new AuditLog.ChangeKey(change.id(), change.version(), change.changedAt());
  }

  private boolean mirror(Change change) {
    if (log.contains(change.kind(), change.id(), change.version(), change.changedAt())) {
      return false;
    }
    String before = log.latest(change.kind(), change.id()).map(AuditEntry::after).orElse(null);
    return log.record(
        new AuditEntry(
            0,
            change.changedAt(),
            AuditEntry.EXTERNAL,
            "external.change",
            change.kind(),
            change.id(),
            change.version(),
            "changed in the state store outside this console",
            before,
            snapshots.of(change.entity())));
  }
}
