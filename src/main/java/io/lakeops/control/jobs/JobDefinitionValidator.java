package io.lakeops.control.jobs;

import io.lakeops.domain.ExtractionSpec;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RetryPolicy;
import io.lakeops.domain.Schedule;
import io.lakeops.domain.StreamingSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an author's {@link JobDefinition} into a {@link Job}, or refuses it naming every bad field.
 * Names that reach SQL, paths or Kafka must match strict patterns; nothing is escaped later.
 */
public final class JobDefinitionValidator {
  private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private final Set<PoolName> pools;
  private final Set<String> sources;
  private final Duration minimumInterval;

  /**
   * @param pools the pools a job may name
   * @param sources the configured sources an extraction may read from
   * @param minimumInterval the shortest schedule interval allowed
   */
  public JobDefinitionValidator(
      Set<PoolName> pools, Set<String> sources, Duration minimumInterval) {
    this.pools = Set.copyOf(pools);
    this.sources = Set.copyOf(sources);
    this.minimumInterval = minimumInterval;
  }

  /** The sources a definition may name, sorted: the choices of the job form. */
  public List<String> knownSources() {
    return sources.stream().sorted().toList();
  }

  /**
   * The job the definition describes, not yet stored; {@link InvalidDefinitionException} if bad.
   */
  public Job validate(JobDefinition d) {
    if (d == null) {
      throw new InvalidDefinitionException(List.of(new FieldError("body", "is required")));
    }
    FieldChecks checks = new FieldChecks();
    String id = checks.safeId("id", d.id());
    String description = checks.plainText("description", d.description(), 500);
    JobKind kind = checks.oneOf("kind", d.kind(), JobKind.class, null);
    String pool = checks.safeId("pool", d.pool());
    if (pool != null && !pools.contains(new PoolName(pool))) {
      checks.fail("pool", "is not a configured pool; known pools: " + pools);
    }
    RetryPolicy retry = retry(checks, d.retry());
    Schedule schedule = null;
    ExtractionSpec extraction = null;
    StreamingSpec streaming = null;
    if (kind == JobKind.EXTRACTION) {
      schedule = schedule(checks, d.schedule());
      checks.absent("streaming", d.streaming(), "for an extraction job");
      extraction = new ExtractionRules(checks, sources).validate(d.extraction());
    } else if (kind == JobKind.STREAMING) {
      checks.absent("schedule", d.schedule(), "for a streaming job: it runs continuously");
      checks.absent("extraction", d.extraction(), "for a streaming job");
      streaming = streaming(checks, d.streaming());
    }
    if (!checks.errors().isEmpty()) {
      throw new InvalidDefinitionException(checks.errors());
    }
    return new Job(
        new JobId(id),
        description,
        kind,
        new PoolName(pool),
        schedule,
        retry,
        extraction,
        streaming,
        Boolean.TRUE.equals(d.paused()),
        0,
        null);
  }

  private Schedule schedule(FieldChecks checks, String text) {
    if (!checks.present("schedule", text)) {
      return null;
    }
    try {
      Schedule schedule = Schedule.parse(text);
      Duration shortest =
          schedule instanceof Schedule.Cron cron
              ? cron.shortestGap(Instant.parse("2026-01-01T00:00:00Z"))
              : ((Schedule.Interval) schedule).period();
      if (shortest.compareTo(minimumInterval) < 0) {
        checks.fail(
            "schedule",
            "must not fire more often than every "
                + io.lakeops.domain.Durations.format(minimumInterval));
        return null;
      }
      return schedule;
    } catch (IllegalArgumentException e) {
      checks.fail("schedule", e.getMessage());
      return null;
    }
  }

  private static RetryPolicy retry(FieldChecks checks, JobDefinition.Retry r) {
    if (r == null) {
      return RetryPolicy.DEFAULT;
    }
    RetryPolicy d = RetryPolicy.DEFAULT;
    int infra =
        checks.integer(
            "retry.maxInfrastructureRetries",
            r.maxInfrastructureRetries(),
            d.maxInfrastructureRetries(),
            0,
            20);
    int job = checks.integer("retry.maxJobRetries", r.maxJobRetries(), d.maxJobRetries(), 0, 20);
    Duration initial =
        checks.duration(
            "retry.initialBackoff",
            r.initialBackoff(),
            "30s",
            Duration.ofSeconds(1),
            Duration.ofHours(1));
    Duration max =
        checks.duration(
            "retry.maxBackoff", r.maxBackoff(), "10m", Duration.ofSeconds(1), Duration.ofHours(6));
    if (initial == null || max == null) {
      return d;
    }
    if (max.compareTo(initial) < 0) {
      checks.fail("retry.maxBackoff", "must not be shorter than retry.initialBackoff");
      return d;
    }
    return new RetryPolicy(infra, job, initial, max);
  }

  private static StreamingSpec streaming(FieldChecks checks, JobDefinition.Streaming s) {
    if (!checks.present("streaming", s)) {
      return null;
    }
    String topic = s.topic();
    if (checks.present("streaming.topic", topic) && !KAFKA_TOPIC.matcher(topic).matches()) {
      checks.fail("streaming.topic", "must be a Kafka topic name (letters, digits, '.', '_', '-')");
    }
    Duration trigger =
        checks.duration(
            "streaming.trigger", s.trigger(), "1s", Duration.ofMillis(100), Duration.ofSeconds(30));
    Duration window =
        checks.duration(
            "streaming.window", s.window(), "1m", Duration.ofSeconds(1), Duration.ofDays(1));
    Duration delay =
        checks.duration(
            "streaming.watermarkDelay",
            s.watermarkDelay(),
            "30s",
            Duration.ZERO,
            Duration.ofDays(1));
    String sink = checks.sqlIdentifier("streaming.sinkTable", s.sinkTable());
    return new StreamingSpec(topic, trigger, window, delay, sink);
  }
}
