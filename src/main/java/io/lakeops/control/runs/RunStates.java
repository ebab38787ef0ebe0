package io.lakeops.control.runs;

import io.lakeops.domain.RunState;
import java.util.Locale;

/** Run states in the words of refusal messages. */
final class RunStates {
  private RunStates() {}

  static String label(RunState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
