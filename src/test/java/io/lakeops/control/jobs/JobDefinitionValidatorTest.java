package io.lakeops.control.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakeops.domain.Job;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.PoolName;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobDefinitionValidatorTest {
  private final JobDefinitionValidator validator =
      new JobDefinitionValidator(
          Set.of(new PoolName("small"), new PoolName("large")),
          Set.of("shop", "crm"),
          Duration.ofMinutes(1));

  static JobDefinition.Extraction extraction(String table, List<String> keys, String watermark) {
    return new JobDefinition.Extraction(
        "shop", table, keys, watermark, "timestamp", 4, 1000, "fail", "warn", 3.0);
  }

  static JobDefinition valid() {
    return new JobDefinition(
        "orders-extract",
        "Orders every five minutes",
        "extraction",
        "small",
        "every 5m",
        false,
        null,
        extraction("orders", List.of("id"), "updated_at"),
        null);
  }

  static JobDefinition streaming(String trigger) {
    return new JobDefinition(
        "clicks",
        "",
        "streaming",
        "small",
        null,
        false,
        null,
        null,
        new JobDefinition.Streaming("clicks", trigger, "1m", "30s", "page_clicks"));
  }

  @Test
  void aValidExtractionBecomesAJob() {
    Job job = validator.validate(valid());

    assertThat(job.kind()).isEqualTo(JobKind.EXTRACTION);
    assertThat(job.schedule().expression()).isEqualTo("every 5m");
    assertThat(job.extraction().keyColumns()).containsExactly("id");
    assertThat(job.version()).isZero();
  }

  @Test
  void aValidStreamingJobBecomesAJob() {
    assertThat(validator.validate(streaming("500ms")).streaming().trigger())
        .isEqualTo(Duration.ofMillis(500));
  }

  static Stream<Arguments> badDefinitions() {
    JobDefinition v = valid();
    return Stream.of(
        bad("id", d -> with(d, "id", null)),
        bad("id", d -> with(d, "id", "Orders Extract")),
        bad("id", d -> with(d, "id", "../../etc/passwd")),
        bad("id", d -> with(d, "id", "x".repeat(64))),
        bad("kind", d -> with(d, "kind", "batch")),
        bad("pool", d -> with(d, "pool", "gigantic")),
        bad("schedule", d -> with(d, "schedule", "every 30s")),
        bad("schedule", d -> with(d, "schedule", "cron * * * * * *")),
        bad("schedule", d -> with(d, "schedule", "sometimes")),
        bad("schedule", d -> with(d, "schedule", null)),
        bad("description", d -> with(d, "description", "<script>alert(1)</script>")),
        bad("description", d -> with(d, "description", "click <img src=x onerror=alert(1)>")),
        bad(
            "extraction.table",
            d ->
                withExtraction(d, extraction("orders; DROP TABLE x", List.of("id"), "updated_at"))),
        bad(
            "extraction.keyColumns[0]",
            d -> withExtraction(d, extraction("orders", List.of("id--"), "updated_at"))),
        bad(
            "extraction.keyColumns",
            d -> withExtraction(d, extraction("orders", List.of(), "updated_at"))),
        bad(
            "extraction.watermarkColumn",
            d -> withExtraction(d, extraction("orders", List.of("id"), "updated_at`"))),
        bad("extraction", d -> withExtraction(d, null)),
        bad("streaming.trigger", d -> streaming("50ms")),
        bad("streaming.trigger", d -> streaming("31s")),
        bad(
            "extraction",
            d ->
                new JobDefinition(
                    "clicks",
                    "",
                    "streaming",
                    "small",
                    null,
                    false,
                    null,
                    v.extraction(),
                    streaming("1s").streaming())),
        bad(
            "retry.maxBackoff",
            d ->
                new JobDefinition(
                    d.id(),
                    "",
                    "extraction",
                    "small",
                    "every 5m",
                    false,
                    new JobDefinition.Retry(1, 1, "10m", "1m"),
                    d.extraction(),
                    null)));
  }

  @Test
  void aSourceThatIsNotConfiguredIsRefusedNamingTheFieldAndTheKnownSources() {
    JobDefinition unknown =
        withExtraction(
            valid(),
            new JobDefinition.Extraction(
                "warehouse",
                "orders",
                List.of("id"),
                "updated_at",
                null,
                null,
                null,
                null,
                null,
                null));

    assertThatThrownBy(() -> validator.validate(unknown))
        .isInstanceOfSatisfying(
            InvalidDefinitionException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new FieldError(
                            "extraction.source",
                            "is not a configured source; known sources: [crm, shop]")));
    assertThat(validator.knownSources()).containsExactly("crm", "shop");
  }

  private static Arguments bad(String field, UnaryOperator<JobDefinition> change) {
    return Arguments.of(field, change.apply(valid()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badDefinitions")
  void aBadDefinitionIsRefusedNamingTheField(String field, JobDefinition definition) {
    assertThatThrownBy(() -> validator.validate(definition))
        .isInstanceOfSatisfying(
            InvalidDefinitionException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).contains(field));
  }

  private static JobDefinition with(JobDefinition d, String field, String value) {
    return new JobDefinition(
        field.equals("id") ? value : d.id(),
        field.equals("description") ? value : d.description(),
        field.equals("kind") ? value : d.kind(),
        field.equals("pool") ? value : d.pool(),
        field.equals("schedule") ? value : d.schedule(),
        d.paused(),
        d.retry(),
        d.extraction(),
        d.streaming());
  }

  private static JobDefinition withExtraction(JobDefinition d, JobDefinition.Extraction e) {
    return new JobDefinition(
        d.id(),
        d.description(),
        d.kind(),
        d.pool(),
        d.schedule(),
        d.paused(),
        d.retry(),
        e,
        d.streaming());
  }
}
