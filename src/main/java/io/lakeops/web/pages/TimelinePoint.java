package io.lakeops.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakeops.domain.JobRun;
import io.lakeops.ports.AuditEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One point of a run's state timeline. Changes the console made or mirrored are in the audit log
 * (with the state and attempt from the snapshot after the change); the scheduler and monitor write
 * runs without an audit entry of their own, so the run's own times are points too.
 *
 * @param state the state the run was in after this point, empty when not known
 * @param who the actor, empty for the run's own times
 */
public record TimelinePoint(Instant at, String what, String state, String who, String reason) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The points of {@code run}, oldest first, from {@code changes} (any order) and its times. */
  static List<TimelinePoint> of(JobRun run, List<AuditEntry> changes) {
    List<TimelinePoint> points = new ArrayList<>();
    for (AuditEntry e : changes) {
      points.add(new TimelinePoint(e.at(), e.action(), stateAfter(e), e.actor(), e.reason()));
    }
    add(points, run.timings().created(), "created", "scheduled");
    add(points, run.timings().started(), "started, attempt " + run.attempt(), "running");
    add(points, run.timings().finished(), "finished, attempt " + run.attempt(), label(run));
    points.sort(Comparator.comparing(TimelinePoint::at));
    return points;
  }

  private static void add(List<TimelinePoint> points, Instant at, String what, String state) {
    if (at != null) {
      points.add(new TimelinePoint(at, what, state, "", ""));
    }
  }

  private static String label(JobRun run) {
    return run.state().name().toLowerCase(Locale.ROOT);
  }

  /** "running, attempt 2" from the snapshot after the change; empty when it cannot be read. */
  private static String stateAfter(AuditEntry entry) {
    if (entry.after() == null) {
      return "";
    }
    try {
      JsonNode after = JSON.readTree(entry.after());
      String state = after.path("state").asText("").toLowerCase(Locale.ROOT);
      int attempt = after.path("attempt").asInt(0);
      return state.isEmpty() || attempt == 0 ? state : state + ", attempt " + attempt;
    } catch (IOException | RuntimeException unreadable) {
      return "";
    }
  }
}
