package io.lakeops.adapters.livy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.ports.SubmissionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LivyBatchStateTest {

  @ParameterizedTest
  @CsvSource({
    "not_started, STARTING",
    "starting, STARTING",
    "recovering, STARTING",
    "idle, RUNNING",
    "running, RUNNING",
    "busy, RUNNING",
    "shutting_down, RUNNING",
    "error, FAILED",
    "dead, FAILED",
    "killed, KILLED",
    "success, SUCCEEDED",
    "SUCCESS, SUCCEEDED",
    "some_new_state, UNKNOWN"
  })
  void mapsEveryLivyStateInOnePlace(String livy, SubmissionState expected) {
    assertThat(LivyBatchState.map(livy)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"success, true", "dead, true", "killed, true", "running, false", "starting, false"})
  void finishedStatesAreTheTerminalOnes(String livy, boolean finished) {
    assertThat(LivyBatchState.map(livy).isFinished()).isEqualTo(finished);
  }
}
