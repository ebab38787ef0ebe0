package io.lakeops.adapters.emr;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.adapters.emr.EmrStates.Mapped;
import io.lakeops.adapters.emr.EmrStates.Phase;
import io.lakeops.domain.ClusterState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.emr.model.ClusterStatus;

/** One canned EMR status per state and reason code, through the one mapping. */
class EmrStatesTest {

  @ParameterizedTest(name = "{0} {1} -> {2} ({3})")
  @CsvSource({
    "STARTING, , STARTING, INTERMEDIATE",
    "BOOTSTRAPPING, , STARTING, INTERMEDIATE",
    "RUNNING, , READY, READY",
    "WAITING, , READY, READY",
    "TERMINATING, USER_REQUEST, TERMINATING, INTERMEDIATE",
    "TERMINATED, USER_REQUEST, TERMINATED, TERMINAL_SUCCESS",
    "TERMINATED, ALL_STEPS_COMPLETED, TERMINATED, TERMINAL_SUCCESS",
    "TERMINATED, INTERNAL_ERROR, FAILED, TERMINAL_FAILURE",
    "TERMINATED, VALIDATION_ERROR, FAILED, TERMINAL_FAILURE",
    "TERMINATED, INSTANCE_FAILURE, FAILED, TERMINAL_FAILURE",
    "TERMINATED, INSTANCE_FLEET_TIMEOUT, FAILED, TERMINAL_FAILURE",
    "TERMINATED, BOOTSTRAP_FAILURE, FAILED, TERMINAL_FAILURE",
    "TERMINATED, STEP_FAILURE, FAILED, TERMINAL_FAILURE",
    "TERMINATED, , FAILED, TERMINAL_FAILURE",
    "TERMINATED_WITH_ERRORS, INTERNAL_ERROR, FAILED, TERMINAL_FAILURE",
    "TERMINATED_WITH_ERRORS, VALIDATION_ERROR, FAILED, TERMINAL_FAILURE",
    "TERMINATED_WITH_ERRORS, INSTANCE_FAILURE, FAILED, TERMINAL_FAILURE",
    "TERMINATED_WITH_ERRORS, INSTANCE_FLEET_TIMEOUT, FAILED, TERMINAL_FAILURE",
    "TERMINATED_WITH_ERRORS, BOOTSTRAP_FAILURE, FAILED, TERMINAL_FAILURE",
    "TERMINATED_WITH_ERRORS, STEP_FAILURE, FAILED, TERMINAL_FAILURE",
    // EMR does not send these codes with errors; if it did, the errors win.
    "TERMINATED_WITH_ERRORS, USER_REQUEST, FAILED, TERMINAL_FAILURE",
    "TERMINATED_WITH_ERRORS, ALL_STEPS_COMPLETED, FAILED, TERMINAL_FAILURE",
  })
  void eachStateAndCodeMapsByCode(String state, String code, ClusterState to, Phase phase) {
    Mapped mapped = EmrStates.map(status(state, code, "some words"));

    assertThat(mapped.state()).isEqualTo(to);
    assertThat(mapped.phase()).isEqualTo(phase);
    assertThat(mapped.reason()).isEqualTo(code == null ? "" : code + ": some words");
  }

  @ParameterizedTest
  @CsvSource({"USER_REQUEST", "ALL_STEPS_COMPLETED"})
  void aMessageSayingFailureDoesNotTurnAnAskedTerminationIntoAFailure(String code) {
    Mapped mapped = EmrStates.map(status("TERMINATED", code, "Terminated with errors: failed"));

    assertThat(mapped.state()).isEqualTo(ClusterState.TERMINATED);
  }

  @ParameterizedTest
  @CsvSource({"TERMINATED", "TERMINATED_WITH_ERRORS"})
  void aSpotLossKeepsItsCodeAndEmrsWords(String state) {
    String words = "Instance i-0abc was interrupted: Spot capacity reclaimed";

    Mapped mapped = EmrStates.map(status(state, "INSTANCE_FAILURE", words));

    assertThat(mapped.state()).isEqualTo(ClusterState.FAILED);
    assertThat(mapped.reason()).isEqualTo("INSTANCE_FAILURE: " + words);
  }

  @Test
  void aStateNewerThanTheSdkIsStillOnItsWayAndSaysSo() {
    Mapped mapped = EmrStates.map(status("SOMETHING_NEW", null, null));

    assertThat(mapped.state()).isEqualTo(ClusterState.STARTING);
    assertThat(mapped.phase()).isEqualTo(Phase.INTERMEDIATE);
    assertThat(mapped.reason()).contains("SOMETHING_NEW");
  }

  private static ClusterStatus status(String state, String code, String message) {
    ClusterStatus.Builder status = ClusterStatus.builder().state(state);
    if (code != null) {
      status.stateChangeReason(r -> r.code(code).message(message));
    }
    return status.build();
  }
}
