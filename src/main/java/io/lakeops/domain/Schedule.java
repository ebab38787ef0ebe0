package io.lakeops.domain;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When a batch job is due: every fixed interval (aligned to the epoch), or on a Unix cron (UTC).
 */
public sealed interface Schedule {

  /** The first firing time strictly after {@code instant}. */
  Instant nextAfter(Instant instant);

  /** The last firing time at or before {@code instant}. */
  Instant latestAtOrBefore(Instant instant);

  /**
   * The text form used in definitions and the console: {@code every 5m} or {@code cron 0 * * * *}.
   */
  String expression();

  /** Parses {@code every <duration>} (for example {@code every 5m}) or {@code cron <5 fields>}. */
  static Schedule parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("schedule is required");
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("every ")) {
      return new Interval(Durations.parse(trimmed.substring("every ".length()).trim()));
    }
    if (trimmed.startsWith("cron ")) {
      return new Cron(trimmed.substring("cron ".length()).trim());
    }
    throw new IllegalArgumentException(
        "schedule must be 'every <duration>' or 'cron <expression>' but was "
            + Text.quoteForMessage(text));
  }

  /** Every {@code period}, at multiples of the period since the epoch, so replicas agree. */
  record Interval(Duration period) implements Schedule {
    public Interval {
      if (period == null || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("interval must be positive");
      }
    }

    @Override
    public Instant nextAfter(Instant instant) {
      long periodMillis = period.toMillis();
      long next = Math.floorDiv(instant.toEpochMilli(), periodMillis) * periodMillis + periodMillis;
      return Instant.ofEpochMilli(next);
    }

    @Override
    public Instant latestAtOrBefore(Instant instant) {
      long periodMillis = period.toMillis();
      return Instant.ofEpochMilli(
          Math.floorDiv(instant.toEpochMilli(), periodMillis) * periodMillis);
    }

    @Override
    public String expression() {
      return "every " + Durations.format(period);
    }
  }

  /** A five-field Unix cron expression evaluated in UTC. */
  record Cron(String cron) implements Schedule {
    private static final CronParser PARSER =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    public Cron {
      try {
        PARSER.parse(cron).validate();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cron expression " + Text.quoteForMessage(cron) + " is invalid: " + e.getMessage());
      }
    }

    @Override
    public Instant nextAfter(Instant instant) {
      ZonedDateTime from = instant.atZone(ZoneOffset.UTC);
      return ExecutionTime.forCron(PARSER.parse(cron))
          .nextExecution(from)
          .map(ZonedDateTime::toInstant)
          .orElseThrow(() -> new IllegalStateException("cron " + cron + " never fires again"));
    }

    @Override
    public Instant latestAtOrBefore(Instant instant) {
      // Firings fall on whole minutes: the last one before the next second is at or before instant.
      Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
      ZonedDateTime until = second.plusSeconds(1).atZone(ZoneOffset.UTC);
      return ExecutionTime.forCron(PARSER.parse(cron))
          .lastExecution(until)
          .map(ZonedDateTime::toInstant)
          .orElseThrow(() -> new IllegalStateException("cron " + cron + " never fired"));
    }

    /** The shortest gap between two firings, checked over the next day's firings. */
    public Duration shortestGap(Instant from) {
      Duration shortest = Duration.ofDays(366);
      Instant previous = nextAfter(from);
      Instant end = previous.plus(Duration.ofDays(1));
      while (previous.isBefore(end)) {
        Instant next = nextAfter(previous);
        Duration gap = Duration.between(previous, next);
        if (gap.compareTo(shortest) < 0) {
          shortest = gap;
        }
        previous = next;
      }
      return shortest;
    }

    @Override
    public String expression() {
      return "cron " + cron;
    }
  }
}
