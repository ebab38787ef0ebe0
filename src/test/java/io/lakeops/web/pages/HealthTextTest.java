package io.lakeops.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.ports.ClusterFigures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthTextTest {
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void everyFigureReadsAsWords() {
    assertThat(HealthText.of(new ClusterFigures(AT, false, 62.6, 2L, 1L)))
        .isEqualTo("busy · 63% YARN memory free · 2 containers pending · 1 unhealthy node");
    assertThat(HealthText.of(new ClusterFigures(AT, true, null, 1L, 0L)))
        .isEqualTo("idle · 1 container pending · 0 unhealthy nodes");
  }

  @Test
  void noFigureReadsAsADash() {
    assertThat(HealthText.of(new ClusterFigures(AT, null, null, null, null))).isEqualTo("—");
  }
}
