package io.lakeops.jobs.generator;

import java.time.Instant;

/**
 * One simulated click-stream event. Serialised by hand rather than through a JSON library so the
 * generator needs nothing but kafka-clients when the console embeds it.
 *
 * @param eventType {@code page_view} or {@code click}
 * @param element the clicked element, null for page views
 */
public record ClickEvent(
    String eventId,
    String userId,
    String sessionId,
    String eventType,
    String page,
    String element,
    Instant eventTime) {

  public static final String PAGE_VIEW = "page_view";
  public static final String CLICK = "click";

  /** The Kafka value: one JSON object, {@code event_time} as an ISO-8601 UTC instant in millis. */
  public String toJson() {
    StringBuilder json = new StringBuilder(192).append('{');
    field(json, "event_id", eventId).append(',');
    field(json, "user_id", userId).append(',');
    field(json, "session_id", sessionId).append(',');
    field(json, "event_type", eventType).append(',');
    field(json, "page", page).append(',');
    field(json, "element", element).append(',');
    field(json, "event_time", Instant.ofEpochMilli(eventTime.toEpochMilli()).toString());
    return json.append('}').toString();
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":");
    if (value == null) {
      return json.append("null");
    }
    json.append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
