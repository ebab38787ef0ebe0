package io.lakeops.jobs.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowCountAnomalyTest {
  @Test
  void withoutEnoughHistoryThereIsNoBaselineAndTheCheckPasses() {
    assertThat(RowCountAnomaly.check(1_000_000, List.of(10L, 12L), 0.5).anomalous()).isFalse();
  }

  @Test
  void countsWithinTheRelativeToleranceOfTheRecentMeanPass() {
    assertThat(RowCountAnomaly.check(140, List.of(100L, 100L, 100L), 0.5).anomalous()).isFalse();
    assertThat(RowCountAnomaly.check(49, List.of(100L, 100L, 100L), 0.5).anomalous()).isTrue();
    assertThat(RowCountAnomaly.check(151, List.of(100L, 100L, 100L), 0.5).anomalous()).isTrue();
  }

  @Test
  void emptyRecentWindowsDoNotDivideByZero() {
    RowCountAnomaly a = RowCountAnomaly.check(5, List.of(0L, 0L, 0L), 0.5);
    assertThat(a.anomalous()).isTrue();
    assertThat(a.deviation()).isEqualTo(5.0);
  }
}
