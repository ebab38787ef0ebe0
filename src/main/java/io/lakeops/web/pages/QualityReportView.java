package io.lakeops.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run's data-quality report as the extraction job wrote it in its manifest ({@code
 * {"passed":…,"checks":[{name, severity, passed, observed}]}}), read for a table on the run page. A
 * report that does not have that shape is not guessed at: the page shows its text instead.
 */
public record QualityReportView(boolean passed, List<Check> checks) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One check: its name, whether a failure fails the run or only warns, and what was seen. */
  public record Check(String name, String severity, boolean passed, String observed) {}

  /** The report, or empty when {@code json} is blank or not a report. */
  static Optional<QualityReportView> parse(String json) {
    if (json == null || json.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode report = JSON.readTree(json);
      if (!report.path("passed").isBoolean() || !report.path("checks").isArray()) {
        return Optional.empty();
      }
      List<Check> checks = new ArrayList<>();
      for (JsonNode c : report.path("checks")) {
        if (!c.isObject() || !c.path("passed").isBoolean()) {
          return Optional.empty();
        }
        checks.add(
            new Check(
                c.path("name").asText(""),
                c.path("severity").asText("").toLowerCase(Locale.ROOT),
                c.path("passed").asBoolean(),
                c.path("observed").asText("")));
      }
      return Optional.of(new QualityReportView(report.path("passed").asBoolean(), checks));
    } catch (IOException | RuntimeException notJson) {
      return Optional.empty();
    }
  }
}
