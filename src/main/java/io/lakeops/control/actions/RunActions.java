package io.lakeops.control.runs;

import io.lakeops.control.audit.Attribution;
import io.lakeops.control.audit.AuditTrail;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.RunStore;
import java.util.Locale;

/** What the run actions share: reading the run acted on, refusing it in words, auditing it. */
final class RunActions {
  private RunActions() {}

  static JobRun find(RunStore runs, RunId id) {
    return runs.findRun(id).orElseThrow(() -> new NotFoundException("run", id.value()));
  }

  /** "run x is running; only {@code allowed} can be …", for a run in the wrong state. */
  static ActionRefusedException refused(JobRun run, String allowed) {
    return new ActionRefusedException(
        "run " + run.id() + " is " + label(run.state()) + "; only " + allowed);
  }

  /**
   * Records an action that left a run at {@code after} (the stored run: its version and time are
   * what the audit mirror recognises the change by).
   */
  static void audit(AuditTrail audit, String action, JobRun before, JobRun after, Attribution by) {
    audit.record(
        action,
        EntityKind.RUN,
        after.id().value(),
        after.version(),
        after.updatedAt(),
        before,
        after,
        by);
  }

  static String label(RunState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
