package io.lakeops.adapters.emr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.domain.ClusterState;
import io.lakeops.ports.ClusterSignal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.emr.model.ClusterStatus;

/**
 * EMR's state-change events as EventBridge delivers them (the event's JSON is the SQS message
 * body): {@code source} {@code aws.emr}, {@code detail-type} {@code EMR Cluster State Change} or
 * {@code EMR Instance Fleet State Change}, {@code time}, and {@code detail.clusterId}, {@code
 * detail.state} and, for clusters, {@code detail.stateChangeReason} (itself a JSON string, {@code
 * {"code":…,"message":…}}). A cluster's state goes through {@link EmrStates}, the one mapping; a
 * fleet's change says nothing of the cluster's state and is only a reason to look.
 */
public final class EmrEvents {
  static final String CLUSTER_CHANGE = "EMR Cluster State Change";
  static final String FLEET_CHANGE = "EMR Instance Fleet State Change";
  private static final Set<String> KINDS = Set.of(CLUSTER_CHANGE, FLEET_CHANGE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private EmrEvents() {}

  /** A message that is not an event at all, or an EMR event without what it must have. */
  public static final class UnreadableEvent extends RuntimeException {
    UnreadableEvent(String message) {
      super(message);
    }
  }

  /**
   * The signal in {@code body}; empty for a well-formed event about something else (another source,
   * a step's status). Throws {@link UnreadableEvent} for anything else.
   */
  public static Optional<ClusterSignal> read(String body, String receipt) {
    JsonNode event = parse(body);
    if (!event.isObject()) {
      throw new UnreadableEvent("not a JSON object");
    }
    if (!"aws.emr".equals(event.path("source").asText())
        || !KINDS.contains(event.path("detail-type").asText())) {
      return Optional.empty();
    }
    String kind = event.path("detail-type").asText();
    JsonNode detail = event.path("detail");
    String clusterId = text(detail, "clusterId");
    String state = text(detail, "state");
    if (clusterId == null || state == null) {
      throw new UnreadableEvent(kind + " without detail.clusterId or detail.state");
    }
    Instant at = time(event.path("time").asText(null));
    if (kind.equals(FLEET_CHANGE)) {
      String what = kind + ": fleet " + text(detail, "instanceFleetId") + " " + state;
      return Optional.of(new ClusterSignal(clusterId, null, at, what, receipt));
    }
    JsonNode reason = reason(detail.path("stateChangeReason"));
    ClusterStatus status =
        ClusterStatus.builder()
            .state(state)
            .stateChangeReason(r -> r.code(text(reason, "code")).message(text(reason, "message")))
            .build();
    EmrStates.Mapped mapped = EmrStates.map(status);
    String what = kind + ": " + clusterId + " " + state + " " + mapped.reason();
    ClusterState claimed =
        status.state()
                == software.amazon.awssdk.services.emr.model.ClusterState.UNKNOWN_TO_SDK_VERSION
            ? null
            : mapped.state();
    return Optional.of(new ClusterSignal(clusterId, claimed, at, what.strip(), receipt));
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new UnreadableEvent("empty message");
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new UnreadableEvent("not JSON: " + e.getOriginalMessage());
    }
  }

  /** EMR sends the reason as a JSON string inside the event; an object is taken as well. */
  private static JsonNode reason(JsonNode node) {
    if (node.isTextual() && !node.asText().isBlank()) {
      try {
        return JSON.readTree(node.asText());
      } catch (JsonProcessingException e) {
        return JSON.createObjectNode().put("message", node.asText());
      }
    }
    return node.isObject() ? node : JSON.createObjectNode();
  }

  private static Instant time(String text) {
    if (text == null) {
      throw new UnreadableEvent("event without a time");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new UnreadableEvent("event time '" + text + "' is not ISO-8601");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }
}
