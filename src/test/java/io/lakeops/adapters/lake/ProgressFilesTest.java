package io.lakeops.adapters.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.JobId;
import io.lakeops.ports.StreamingProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress files as the streaming job writes them (a copy of one from the demo lake). */
class ProgressFilesTest {
  private static final JobId JOB = new JobId("page-clicks");

  @TempDir Path base;

  @Test
  void aPublishedFileReadsAsEachQuerysNewestBatch() throws Exception {
    publish(published());

    StreamingProgress.Report report =
        new ProgressFiles(new LocalLakeObjects(base)).latest(JOB).orElseThrow();

    assertThat(report.updatedAt()).isEqualTo(Instant.parse("2026-12-01T14:04:48.722281142Z"));
    assertThat(report.deadLettersTotal()).isZero();
    assertThat(report.queries()).hasSize(2);
    StreamingProgress.Query aggregates = report.queries().get(0);
    assertThat(aggregates.name()).isEqualTo("page-clicks-aggregates");
    assertThat(aggregates.state()).isEqualTo("RUNNING");
    assertThat(aggregates.lastBatchId()).isEqualTo(19);
    assertThat(aggregates.inputRows()).isEqualTo(117);
    assertThat(aggregates.inputRowsPerSecond()).isEqualTo(18.687110685194057);
    assertThat(aggregates.batchDurationMs()).isEqualTo(6697);
    assertThat(aggregates.watermark()).isEqualTo("2026-12-01T14:04:02.452Z");
    assertThat(aggregates.latencyMs()).isEqualTo(6727);
    assertThat(aggregates.recent())
        .extracting(StreamingProgress.Batch::batchId)
        .containsExactly(17L, 18L, 19L);
    StreamingProgress.Batch second = aggregates.recent().get(1);
    assertThat(second.at()).isEqualTo(Instant.parse("2026-12-01T14:04:31.002Z"));
    assertThat(second.inputRows()).isEqualTo(104);
    assertThat(second.inputRowsPerSecond()).isEqualTo(17.2);
    assertThat(second.processedRowsPerSecond()).as("null in the file").isNull();
    assertThat(second.latencyMs()).isNull();
    StreamingProgress.Query events = report.queries().get(1);
    assertThat(events.state()).isEqualTo("STOPPED");
    assertThat(events.watermark()).as("null in the file").isNull();
    assertThat(events.latencyMs()).as("absent from the file").isNull();
    assertThat(events.recent()).as("absent from the file").isEmpty();
  }

  @Test
  void noFileOrAHalfWrittenOneIsNoProgress() throws Exception {
    assertThat(new ProgressFiles(new LocalLakeObjects(base)).latest(JOB)).isEmpty();
    publish("{\"updatedAt\": \"2026-12-01T14:04:48Z\", \"queries\": {");
    assertThat(new ProgressFiles(new LocalLakeObjects(base)).latest(JOB)).isEmpty();
  }

  /** A progress file the demo lake's streaming job wrote. */
  static String published() throws Exception {
    try (var in = ProgressFilesTest.class.getResourceAsStream("/progress/page-clicks.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private void publish(String json) throws Exception {
    Path dir = Files.createDirectories(base.resolve("page-clicks/progress"));
    Files.writeString(dir.resolve("progress.json"), json);
  }
}
