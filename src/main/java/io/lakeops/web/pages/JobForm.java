package io.lakeops.web.pages;

import io.lakeops.control.jobs.FieldError;
import io.lakeops.control.jobs.JobDefinition;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.Severity;
import io.lakeops.domain.WatermarkKind;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The job form as typed: every field as text under the path the validator names it by ({@code
 * extraction.table}), so that errors land next to their field and a refused form comes back with
 * what was typed.
 */
@TemplateData
public final class JobForm {
  static final List<String> FIELDS =
      List.of(
          "id",
          "description",
          "kind",
          "pool",
          "schedule",
          "paused",
          "retry.maxInfrastructureRetries",
          "retry.maxJobRetries",
          "retry.initialBackoff",
          "retry.maxBackoff",
          "extraction.source",
          "extraction.table",
          "extraction.keyColumns",
          "extraction.watermarkColumn",
          "extraction.watermarkKind",
          "extraction.parallelism",
          "extraction.fetchSize",
          "extraction.keyCheck",
          "extraction.rowCountCheck",
          "extraction.rowCountTolerance",
          "streaming.topic",
          "streaming.trigger",
          "streaming.window",
          "streaming.watermarkDelay",
          "streaming.sinkTable");

  private final Map<String, String> values;
  private final long version;
  private final Map<String, String> errors = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  JobForm(Map<String, String> values, long version) {
    this.values = new LinkedHashMap<>(values);
    this.version = version;
  }

  /** A blank form with the defaults a new extraction job starts from. */
  static JobForm blank() {
    return new JobForm(Map.of("kind", "extraction", "schedule", "every 5m"), 0);
  }

  /** The form of a stored definition, for editing it at {@code version}. */
  static JobForm of(JobDefinition d, long version) {
    Map<String, String> v = new LinkedHashMap<>();
    put(v, "id", d.id());
    put(v, "description", d.description());
    put(v, "kind", d.kind());
    put(v, "pool", d.pool());
    put(v, "schedule", d.schedule());
    put(v, "paused", Boolean.TRUE.equals(d.paused()) ? "true" : null);
    if (d.retry() != null) {
      put(v, "retry.maxInfrastructureRetries", d.retry().maxInfrastructureRetries());
      put(v, "retry.maxJobRetries", d.retry().maxJobRetries());
      put(v, "retry.initialBackoff", d.retry().initialBackoff());
      put(v, "retry.maxBackoff", d.retry().maxBackoff());
    }
    if (d.extraction() != null) {
      JobDefinition.Extraction e = d.extraction();
      put(v, "extraction.source", e.source());
      put(v, "extraction.table", e.table());
      put(
          v,
          "extraction.keyColumns",
          e.keyColumns() == null ? null : String.join(", ", e.keyColumns()));
      put(v, "extraction.watermarkColumn", e.watermarkColumn());
      put(v, "extraction.watermarkKind", e.watermarkKind());
      put(v, "extraction.parallelism", e.parallelism());
      put(v, "extraction.fetchSize", e.fetchSize());
      put(v, "extraction.keyCheck", e.keyCheck());
      put(v, "extraction.rowCountCheck", e.rowCountCheck());
      put(v, "extraction.rowCountTolerance", e.rowCountTolerance());
    }
    if (d.streaming() != null) {
      JobDefinition.Streaming s = d.streaming();
      put(v, "streaming.topic", s.topic());
      put(v, "streaming.trigger", s.trigger());
      put(v, "streaming.window", s.window());
      put(v, "streaming.watermarkDelay", s.watermarkDelay());
      put(v, "streaming.sinkTable", s.sinkTable());
    }
    return new JobForm(v, version);
  }

  /** The definition the form describes; fields that do not parse are recorded as errors. */
  JobDefinition definition() {
    boolean streaming = "streaming".equalsIgnoreCase(text("kind"));
    JobDefinition.Retry retry =
        new JobDefinition.Retry(
            integer("retry.maxInfrastructureRetries"),
            integer("retry.maxJobRetries"),
            text("retry.initialBackoff"),
            text("retry.maxBackoff"));
    boolean anyRetry =
        FIELDS.stream().filter(f -> f.startsWith("retry.")).anyMatch(f -> text(f) != null);
    return new JobDefinition(
        text("id"),
        text("description"),
        text("kind"),
        text("pool"),
        streaming ? null : text("schedule"),
        "true".equals(text("paused")),
        anyRetry ? retry : null,
        streaming ? null : extraction(),
        streaming ? streamingPart() : null);
  }

  private JobDefinition.Extraction extraction() {
    String columns = text("extraction.keyColumns");
    return new JobDefinition.Extraction(
        text("extraction.source"),
        text("extraction.table"),
        columns == null
            ? null
            : Arrays.stream(columns.split(","))
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .toList(),
        text("extraction.watermarkColumn"),
        text("extraction.watermarkKind"),
        integer("extraction.parallelism"),
        integer("extraction.fetchSize"),
        text("extraction.keyCheck"),
        text("extraction.rowCountCheck"),
        decimal("extraction.rowCountTolerance"));
  }

  private JobDefinition.Streaming streamingPart() {
    return new JobDefinition.Streaming(
        text("streaming.topic"),
        text("streaming.trigger"),
        text("streaming.window"),
        text("streaming.watermarkDelay"),
        text("streaming.sinkTable"));
  }

  /** Records the validator's (or the store's) verdict, to show next to the fields. */
  JobForm refused(List<FieldError> fieldErrors) {
    for (FieldError e : fieldErrors) {
      String field = e.field().replaceAll("\\[[0-9]+]$", "");
      if (FIELDS.contains(field)) {
        errors.merge(field, e.message(), (a, b) -> a + "; " + b);
      } else {
        problems.add(e.field() + " " + e.message());
      }
    }
    return this;
  }

  JobForm problem(String message) {
    problems.add(message);
    return this;
  }

  boolean hasErrors() {
    return !errors.isEmpty() || !problems.isEmpty();
  }

  List<FieldError> errors() {
    return errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
  }

  // --- for the template ---

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public String error(String field) {
    return errors.get(field);
  }

  public boolean checked(String field) {
    return "true".equals(values.get(field));
  }

  public List<String> problems() {
    return problems;
  }

  public long version() {
    return version;
  }

  public boolean isNew() {
    return version == 0;
  }

  public boolean isEditing() {
    return version != 0;
  }

  /** The choices of a select field. */
  public List<String> options(String field) {
    return switch (field) {
      case "kind" -> names(JobKind.values());
      case "extraction.watermarkKind" -> names(WatermarkKind.values());
      case "extraction.keyCheck", "extraction.rowCountCheck" -> names(Severity.values());
      default -> List.of();
    };
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
  }

  private String text(String field) {
    String v = values.get(field);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private Integer integer(String field) {
    return parsed(field, Integer::valueOf, "must be a whole number");
  }

  private Double decimal(String field) {
    return parsed(field, Double::valueOf, "must be a number");
  }

  private <T> T parsed(String field, Function<String, T> parse, String message) {
    String v = text(field);
    if (v == null) {
      return null;
    }
    try {
      return parse.apply(v);
    } catch (NumberFormatException e) {
      errors.put(field, message);
      return null;
    }
  }

  private static void put(Map<String, String> values, String field, Object value) {
    if (value != null) {
      values.put(field, value.toString());
    }
  }
}
