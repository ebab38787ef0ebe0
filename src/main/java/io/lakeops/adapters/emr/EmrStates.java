package io.lakeops.adapters.emr;

import io.lakeops.domain.ClusterState;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.emr.model.ClusterStateChangeReason;
import software.amazon.awssdk.services.emr.model.ClusterStateChangeReasonCode;
import software.amazon.awssdk.services.emr.model.ClusterStatus;

/**
 * The one mapping from EMR's cluster states and state-change reason codes to Lakeops' cluster
 * state, by code: the message is kept as words for operators, never parsed.
 *
 * <p>EMR has no reason code of its own for a spot interruption: a cluster that lost its spot nodes
 * ends TERMINATED_WITH_ERRORS (or TERMINATED) with {@code INSTANCE_FAILURE}, and the message says
 * spot. The fleet and instance-group reason codes are a subset (INTERNAL_ERROR, VALIDATION_ERROR,
 * INSTANCE_FAILURE, CLUSTER_TERMINATED) with nothing spot-specific either, so the cluster's code is
 * the one recorded.
 */
final class EmrStates {
  /** How far a cluster in an EMR state is in its life. */
  enum Phase {
    INTERMEDIATE,
    READY,
    TERMINAL_SUCCESS,
    TERMINAL_FAILURE
  }

  /** EMR's state as Lakeops sees it, with EMR's code and message as the reason. */
  record Mapped(ClusterState state, Phase phase, String reason) {}

  /** The states ListClusters is asked for to find a live cluster of a Lakeops id. */
  static final Set<software.amazon.awssdk.services.emr.model.ClusterState> ACTIVE =
      EnumSet.of(
          software.amazon.awssdk.services.emr.model.ClusterState.STARTING,
          software.amazon.awssdk.services.emr.model.ClusterState.BOOTSTRAPPING,
          software.amazon.awssdk.services.emr.model.ClusterState.RUNNING,
          software.amazon.awssdk.services.emr.model.ClusterState.WAITING);

  /** The codes of a TERMINATED cluster that ended as asked; any other code is a failure. */
  private static final Set<ClusterStateChangeReasonCode> ENDED_AS_ASKED =
      EnumSet.of(
          ClusterStateChangeReasonCode.USER_REQUEST,
          ClusterStateChangeReasonCode.ALL_STEPS_COMPLETED);

  private EmrStates() {}

  static Mapped map(ClusterStatus status) {
    ClusterStateChangeReason why = status.stateChangeReason();
    String reason = reason(why);
    return switch (status.state()) {
      case STARTING, BOOTSTRAPPING -> new Mapped(ClusterState.STARTING, Phase.INTERMEDIATE, reason);
      case RUNNING, WAITING -> new Mapped(ClusterState.READY, Phase.READY, reason);
      case TERMINATING -> new Mapped(ClusterState.TERMINATING, Phase.INTERMEDIATE, reason);
      case TERMINATED ->
          why != null && ENDED_AS_ASKED.contains(why.code())
              ? new Mapped(ClusterState.TERMINATED, Phase.TERMINAL_SUCCESS, reason)
              : new Mapped(ClusterState.FAILED, Phase.TERMINAL_FAILURE, reason);
      case TERMINATED_WITH_ERRORS ->
          new Mapped(ClusterState.FAILED, Phase.TERMINAL_FAILURE, reason);
      // A state newer than this SDK: still on its way as far as Lakeops can tell, which never
      // moves a recorded cluster backwards (a report of STARTING changes nothing once READY).
      case UNKNOWN_TO_SDK_VERSION ->
          new Mapped(
              ClusterState.STARTING,
              Phase.INTERMEDIATE,
              "EMR state " + status.stateAsString() + " unknown to this console: " + reason);
    };
  }

  /** EMR's reason as {@code CODE: message}; the code stays first so operators can filter on it. */
  static String reason(ClusterStateChangeReason why) {
    if (why == null || (why.codeAsString() == null && why.message() == null)) {
      return "";
    }
    if (why.codeAsString() == null) {
      return why.message();
    }
    return why.message() == null ? why.codeAsString() : why.codeAsString() + ": " + why.message();
  }
}
