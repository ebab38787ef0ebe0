package io.lakeops.control.audit;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.JobRun;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.Snapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/** Records the console's own changes in the audit log, with snapshots before and after. */
public final class AuditTrail {
  private final AuditLog log;
  private final Snapshots snapshots;
  private final Consumer<AuditEntry> sink;

  public AuditTrail(AuditLog log, Snapshots snapshots) {
    this(log, snapshots, log::record);
  }

  private AuditTrail(AuditLog log, Snapshots snapshots, Consumer<AuditEntry> sink) {
    this.log = log;
    this.snapshots = snapshots;
    this.sink = sink;
  }

  /**
   * A trail whose entries are kept until {@link Batch#flush}, then written together: for many
   * changes made at once, such as the runs of one page of due jobs. Safe to use from several
   * threads.
   */
  public Batch batch() {
    return new Batch();
  }

  /** Entries kept to be written together. */
  public final class Batch {
    private final Queue<AuditEntry> kept = new ConcurrentLinkedQueue<>();
    private final AuditTrail trail = new AuditTrail(log, snapshots, kept::add);

    private Batch() {}

    /** The trail that keeps its entries in this batch. */
    public AuditTrail trail() {
      return trail;
    }

    /** Writes the entries kept so far; returns how many were recorded. */
    public int flush() {
      List<AuditEntry> entries = new ArrayList<>();
      for (AuditEntry e = kept.poll(); e != null; e = kept.poll()) {
        entries.add(e);
      }
      return log.recordAll(entries);
    }
  }

  /**
   * Records that {@code by} did {@code action} to a record, leaving it at {@code version} at {@code
   * at}. {@code before} is null for a create, {@code after} null for a delete.
   */
  public void record(
      String action,
      EntityKind kind,
      String id,
      long version,
      Instant at,
      Object before,
      Object after,
      Attribution by) {
    sink.accept(
        new AuditEntry(
            0,
            at,
            by.actor(),
            action,
            kind,
            id,
            version,
            by.reason(),
            snapshot(before),
            snapshot(after)));
  }

  /**
   * Records a change that left a run at {@code after} (the stored run: its version and time are
   * what the audit mirror recognises the change by); {@code before} is null for a create.
   */
  public void run(String action, JobRun before, JobRun after, Attribution by) {
    record(
        action,
        EntityKind.RUN,
        after.id().value(),
        after.version(),
        after.updatedAt(),
        before,
        after,
        by);
  }

  /** Records a change that left a cluster at {@code after} (stored); see {@link #run}. */
  public void cluster(String action, Cluster before, Cluster after, Attribution by) {
    record(
        action,
        EntityKind.CLUSTER,
        after.id().value(),
        after.version(),
        after.updatedAt(),
        before,
        after,
        by);
  }

  private String snapshot(Object entity) {
    return entity == null ? null : snapshots.of(entity);
  }
}
