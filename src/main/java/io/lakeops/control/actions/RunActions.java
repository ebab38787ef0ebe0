package io.lakeops.control.actions;

import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.RunStore;
import java.util.Locale;

/** What the run actions share: reading the run acted on, refusing it in words. */
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

  static String label(RunState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
