package io.lakeops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityAndScheduleTest {

  @Test
  void aRunIdIsDeterministicForItsJobAndWindow() {
    Instant window = Instant.parse("2026-11-26T12:05:00Z");
    RunId id = RunId.of(new JobId("orders"), window);

    assertThat(id.value()).isEqualTo("orders~20261126t120500z");
    assertThat(RunId.of(new JobId("orders"), window)).isEqualTo(id);
    assertThat(id.job()).isEqualTo(new JobId("orders"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Orders", "a b", "../etc", "x/y", "é", "-lead"})
  void idsOutsideTheSafeAlphabetAreRefused(String bad) {
    assertThatThrownBy(() -> new JobId(bad)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIntervalFiresAtMultiplesOfItsPeriod() {
    Schedule every5 = Schedule.parse("every 5m");

    assertThat(every5.nextAfter(Instant.parse("2026-11-26T12:03:10Z")))
        .isEqualTo(Instant.parse("2026-11-26T12:05:00Z"));
    assertThat(every5.nextAfter(Instant.parse("2026-11-26T12:05:00Z")))
        .isEqualTo(Instant.parse("2026-11-26T12:10:00Z"));
    assertThat(every5.expression()).isEqualTo("every 5m");
  }

  @Test
  void aCronFiresInUtcAndKnowsItsShortestGap() {
    Schedule.Cron hourly = (Schedule.Cron) Schedule.parse("cron 15 * * * *");

    assertThat(hourly.nextAfter(Instant.parse("2026-11-26T12:20:00Z")))
        .isEqualTo(Instant.parse("2026-11-26T13:15:00Z"));
    assertThat(hourly.shortestGap(Instant.parse("2026-11-26T00:00:00Z")))
        .isEqualTo(Duration.ofHours(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"every", "every 5 minutes", "cron 61 * * * *", "hourly", "cron * *"})
  void malformedSchedulesAreRefused(String bad) {
    assertThatThrownBy(() -> Schedule.parse(bad)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void backoffDoublesUpToItsCap() {
    RetryPolicy policy = new RetryPolicy(3, 1, Duration.ofSeconds(10), Duration.ofSeconds(60));

    assertThat(policy.backoffBefore(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofSeconds(60));
    assertThat(policy.backoffBefore(40)).isEqualTo(Duration.ofSeconds(60));
  }
}
