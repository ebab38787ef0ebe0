package io.lakeops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClickStreamSimulatorTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private static List<ClickEvent> events(long seed, double rate, int seconds) {
    GeneratorConfig config =
        GeneratorConfig.of("unused:9092", "clicks")
            .withRate(rate, Duration.ofSeconds(seconds))
            .withSeed(seed, START);
    List<ClickEvent> out = new ArrayList<>();
    new ClickStreamSimulator(config, START).forEachRemaining(out::add);
    return out;
  }

  @Test
  void sameSeedGivesTheSameStreamAndAnotherSeedAnother() {
    assertThat(events(7, 50, 20)).isEqualTo(events(7, 50, 20));
    assertThat(events(8, 50, 20)).isNotEqualTo(events(7, 50, 20));
  }

  @Test
  void rateIsRoughlyTheConfiguredOneAndEventsAreInTimeOrder() {
    List<ClickEvent> events = events(1, 200, 60);
    assertThat(events.size()).isBetween(200 * 60 * 8 / 10, 200 * 60 * 12 / 10);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).eventTime()).isAfterOrEqualTo(events.get(i - 1).eventTime());
    }
    assertThat(events.get(events.size() - 1).eventTime()).isBefore(START.plusSeconds(60));
  }

  @Test
  void pagePopularityIsSkewedAndClicksFollowAPageView() {
    List<ClickEvent> events = events(3, 200, 60);
    Map<String, Long> views =
        events.stream()
            .filter(e -> e.eventType().equals(ClickEvent.PAGE_VIEW))
            .collect(Collectors.groupingBy(ClickEvent::page, Collectors.counting()));
    long home = views.get("/home");
    long last = views.getOrDefault("/admin", 0L);
    assertThat(home).isGreaterThan(5 * Math.max(last, 1));
    Map<String, ClickEvent> firstOfSession =
        events.stream()
            .collect(Collectors.toMap(ClickEvent::sessionId, Function.identity(), (a, b) -> a));
    assertThat(firstOfSession.values()).allMatch(e -> e.eventType().equals(ClickEvent.PAGE_VIEW));
    assertThat(events.stream().filter(e -> e.eventType().equals(ClickEvent.CLICK)).count())
        .isGreaterThan(events.size() / 3);
  }

  @Test
  void jsonIsKeyedByUserAndEscaped() {
    ClickEvent e =
        new ClickEvent(
            "e1", "u1", "u1-s0", "click", "/a\"b", null, Instant.parse("2024-01-01T00:00:01.5Z"));
    assertThat(e.toJson())
        .isEqualTo(
            "{\"event_id\":\"e1\",\"user_id\":\"u1\",\"session_id\":\"u1-s0\",\"event_type\":\"click\","
                + "\"page\":\"/a\\\"b\",\"element\":null,\"event_time\":\"2024-01-01T00:00:01.500Z\"}");
  }
}
