package io.lakeops.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.domain.Freshness.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A table's freshness against an interval and a cron schedule, with a run's grace to publish. */
class FreshnessTest {
  private static final Schedule EVERY_5M = Schedule.parse("every 5m");
  private static final Instant NOW = Instant.parse("2026-12-01T12:03:00Z");

  @Test
  void theWindowDueIsTheLastFiringAtLeastTheGraceAgo() {
    // 12:03 minus 2 minutes is 12:01: the last 5-minute firing at or before it is 12:00.
    Freshness f = Freshness.of(EVERY_5M, window("12:00:00"), false, NOW);
    assertThat(f.due()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    assertThat(f.status()).isEqualTo(Status.ON_TIME);
    assertThat(f.age()).isEqualTo(Duration.ofMinutes(3));
    assertThat(f.asOf()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
  }

  @Test
  void oneWindowBehindIsLateTwoAreStale() {
    assertThat(Freshness.of(EVERY_5M, window("11:55:00"), false, NOW).status())
        .isEqualTo(Status.LATE);
    assertThat(Freshness.of(EVERY_5M, window("11:50:00"), false, NOW).status())
        .isEqualTo(Status.STALE);
    // Within the grace the newest window is not due yet: 12:01:59 still expects 11:55.
    Instant early = Instant.parse("2026-12-01T12:01:59Z");
    assertThat(Freshness.of(EVERY_5M, window("11:55:00"), false, early).status())
        .isEqualTo(Status.ON_TIME);
    assertThat(Freshness.of(EVERY_5M, window("11:50:00"), false, early).status())
        .isEqualTo(Status.LATE);
  }

  @Test
  void aCronScheduleCountsItsOwnFirings() {
    Schedule hourly = Schedule.parse("cron 30 * * * *");
    Instant now = Instant.parse("2026-12-01T12:31:00Z"); // 12:30 is within the grace
    assertThat(Freshness.of(hourly, window("11:30:00"), false, now).status())
        .isEqualTo(Status.ON_TIME);
    assertThat(Freshness.of(hourly, window("10:30:00"), false, now).status())
        .isEqualTo(Status.LATE);
    assertThat(Freshness.of(hourly, window("09:30:00"), false, now).status())
        .isEqualTo(Status.STALE);
    assertThat(Freshness.of(hourly, window("09:30:00"), false, now).due())
        .isEqualTo(Instant.parse("2026-12-01T11:30:00Z"));
  }

  @Test
  void noSucceededRunIsNeverAndAPausedJobIsNotBehind() {
    Freshness never = Freshness.of(EVERY_5M, Optional.empty(), false, NOW);
    assertThat(never.status()).isEqualTo(Status.NEVER);
    assertThat(never.age()).isNull();
    assertThat(Freshness.of(EVERY_5M, window("10:00:00"), true, NOW).status())
        .isEqualTo(Status.PAUSED);
    assertThat(Freshness.of(EVERY_5M, window("10:00:00"), true, NOW).age())
        .isEqualTo(Duration.ofMinutes(123));
  }

  @Test
  void latestFiringAtOrBeforeAnInstant() {
    Instant firing = Instant.parse("2026-12-01T12:00:00Z");
    assertThat(EVERY_5M.latestAtOrBefore(firing)).isEqualTo(firing);
    assertThat(EVERY_5M.latestAtOrBefore(firing.minusMillis(1)))
        .isEqualTo(Instant.parse("2026-12-01T11:55:00Z"));
    Schedule cron = Schedule.parse("cron 0 12 * * *");
    assertThat(cron.latestAtOrBefore(firing)).isEqualTo(firing);
    assertThat(cron.latestAtOrBefore(firing.plusMillis(500))).isEqualTo(firing);
    assertThat(cron.latestAtOrBefore(firing.minusMillis(500)))
        .isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
  }

  private static Optional<Instant> window(String time) {
    return Optional.of(Instant.parse("2026-12-01T" + time + "Z"));
  }
}
