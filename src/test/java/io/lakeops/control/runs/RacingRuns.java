package io.lakeops.control.runs;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.RunStore;
import io.lakeops.ports.VersionConflictException;
import java.util.Optional;

/**
 * A run store where someone else writes first: before the first update passed through (or before
 * every one, {@link #always}), another writer's change is applied, so the update loses on its
 * version as it would against a racing replica.
 */
final class RacingRuns implements RunStore {
  private final RunStore store;
  private final Runnable otherWriter;
  private final boolean forever;
  private int races;

  RacingRuns(RunStore store, Runnable otherWriter) {
    this(store, otherWriter, false);
  }

  private RacingRuns(RunStore store, Runnable otherWriter, boolean forever) {
    this.store = store;
    this.otherWriter = otherWriter;
    this.forever = forever;
  }

  /** Every update loses. */
  static RacingRuns always(RunStore store) {
    return new RacingRuns(store, () -> {}, true);
  }

  /** How many times another writer got there first. */
  int races() {
    return races;
  }

  @Override
  public JobRun updateRun(JobRun run) {
    if (forever) {
      races++;
      throw new VersionConflictException("run", run.id().value(), run.version());
    }
    if (races == 0) {
      otherWriter.run();
      races++;
    }
    return store.updateRun(run);
  }

  @Override
  public Created<JobRun> createRunIfAbsent(JobRun run) {
    return store.createRunIfAbsent(run);
  }

  @Override
  public Optional<JobRun> findRun(RunId id) {
    return store.findRun(id);
  }

  @Override
  public Page<JobRun> findRuns(RunQuery query, PageRequest page) {
    return store.findRuns(query, page);
  }

  @Override
  public Page<JobRun> findRunsOccupying(ClusterId cluster, PageRequest page) {
    return store.findRunsOccupying(cluster, page);
  }
}
