package io.lakeops.adapters.livy;

import io.lakeops.ports.SubmissionState;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Livy's session states, each mapped to Lakeops' submission state: the one place where Livy's
 * vocabulary is translated. Batches use a subset; the interactive-only states are mapped too so a
 * Livy that reports them is still understood.
 */
enum LivyBatchState {
  NOT_STARTED(SubmissionState.STARTING),
  STARTING(SubmissionState.STARTING),
  /** Livy restarted and is reconnecting to the application (recovery enabled). */
  RECOVERING(SubmissionState.STARTING),
  IDLE(SubmissionState.RUNNING),
  RUNNING(SubmissionState.RUNNING),
  BUSY(SubmissionState.RUNNING),
  /** Still ending: not finished until Livy says how. */
  SHUTTING_DOWN(SubmissionState.RUNNING),
  ERROR(SubmissionState.FAILED),
  /** The application exited non-zero, or could not be started. */
  DEAD(SubmissionState.FAILED),
  KILLED(SubmissionState.KILLED),
  SUCCESS(SubmissionState.SUCCEEDED);

  private static final Map<String, LivyBatchState> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(s -> s.wireName, Function.identity()));

  private final String wireName;
  private final SubmissionState state;

  LivyBatchState(SubmissionState state) {
    this.wireName = name().toLowerCase(Locale.ROOT);
    this.state = state;
  }

  SubmissionState state() {
    return state;
  }

  /**
   * Maps Livy's word for a state. A word this adapter does not know (a newer Livy) is UNKNOWN, so
   * the run is resolved from its result manifest rather than guessed.
   */
  static SubmissionState map(String livyState) {
    LivyBatchState s =
        livyState == null ? null : BY_WIRE_NAME.get(livyState.toLowerCase(Locale.ROOT));
    return s == null ? SubmissionState.UNKNOWN : s.state;
  }
}
