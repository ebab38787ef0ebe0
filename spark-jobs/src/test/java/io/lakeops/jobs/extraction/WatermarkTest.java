package io.lakeops.jobs.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WatermarkTest {
  @Test
  void timestampWindowBecomesUtcLiteralsWhateverTheInputOffset() {
    Watermark w =
        new Watermark(
            "updated_at",
            Watermark.Kind.TIMESTAMP,
            "2024-01-01T05:00:00+05:00",
            "2024-01-01T01:00:00Z");
    assertThat(w.predicate())
        .isEqualTo(
            "updated_at >= '2024-01-01 00:00:00.000000' AND updated_at < '2024-01-01 01:00:00.000000'");
  }

  @Test
  void idWindowIsHalfOpenAndSparkBoundsAreInclusive() {
    Watermark w = new Watermark("id", Watermark.Kind.ID, "100", "200");
    assertThat(w.predicate()).isEqualTo("id >= 100 AND id < 200");
    assertThat(w.sparkUpperBound()).isEqualTo("199");
  }

  @Test
  void textThatIsNotAWatermarkNeverReachesSql() {
    assertThatThrownBy(() -> new Watermark("id", Watermark.Kind.ID, "1 OR 1=1", "2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Watermark(
                    "t", Watermark.Kind.TIMESTAMP, "2024-01-02T00:00:00Z", "2024-01-01T00:00:00Z"))
        .hasMessageContaining("before");
  }
}
