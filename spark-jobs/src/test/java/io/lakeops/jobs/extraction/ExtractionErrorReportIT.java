package io.lakeops.jobs.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.jobs.common.JsonFiles;
import io.lakeops.jobs.testing.SharedMariaDb;
import io.lakeops.jobs.testing.SharedSpark;
import io.lakeops.jobs.testing.TestWork;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A run that breaks with an error says why in the error's own words, in a report of its attempt
 * beside the manifests, and leaves the manifest of a batch published before untouched.
 */
class ExtractionErrorReportIT {
  @Test
  void aSourceErrorIsReportedInItsOwnWordsForThatAttemptAndThePublishedManifestStays()
      throws Exception {
    String url = SharedMariaDb.jdbcUrl("shop");
    OrdersFixture orders = OrdersFixture.create(url, "orders_error", 120);
    String out = TestWork.dir("error-report").toString();
    ExtractionArgs args =
        ExtractionArgs.forTable(url, orders.table(), out)
            .run("r1", "2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z");
    assertThat(ExtractionJob.run(SharedSpark.get(), args.config()).exitCode())
        .isEqualTo(ExtractionJob.OK);
    Path manifest = Path.of(out, "table=orders_error", "_manifests", "batch=r1.json");
    String published = Files.readString(manifest);

    // Attempt 2 of the same run: the table is gone from the source.
    try (var c = SharedMariaDb.connect("shop");
        var s = c.createStatement()) {
      s.execute("RENAME TABLE orders_error TO orders_error_moved");
    }
    ExtractionJob.Outcome broken =
        ExtractionJob.run(SharedSpark.get(), args.with("attempt", "2").config());

    assertThat(broken.exitCode()).isEqualTo(ExtractionJob.ERROR);
    JsonNode report =
        JsonFiles.MAPPER.readTree(
            Path.of(out, "table=orders_error", "_manifests", "batch=r1.a2.error.json").toFile());
    assertThat(report.path("status").asText()).isEqualTo("ERROR");
    assertThat(report.path("attempt").asInt()).isEqualTo(2);
    assertThat(report.path("runId").asText()).isEqualTo("r1");
    assertThat(report.path("failure").asText())
        .as("the source's own words")
        .contains("orders_error")
        .containsIgnoringCase("doesn't exist");
    assertThat(Files.readString(manifest))
        .as("the manifest of the batch attempt 1 published")
        .isEqualTo(published);
  }
}
