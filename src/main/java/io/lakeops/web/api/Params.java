package io.lakeops.web.api;

import io.lakeops.domain.ClusterId;
import io.lakeops.domain.Identifiers;
import io.lakeops.domain.JobId;
import io.lakeops.domain.PoolName;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.web.errors.BadParameterException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads query parameters, shared by the API and the pages: a value the console cannot use is a
 * {@link BadParameterException} naming the parameter, never a guess. Blank means absent.
 */
public final class Params {
  public static final int DEFAULT_LIMIT = 50;
  private static final int MAX_TEXT = 200;

  private Params() {}

  public static PageRequest page(String limit, String cursor) {
    int size = present(limit).map(Params::number).orElse(DEFAULT_LIMIT);
    if (size < 1 || size > PageRequest.MAX_LIMIT) {
      throw new BadParameterException("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
    }
    Optional<String> after = text("cursor", cursor, 2000);
    return new PageRequest(size, after);
  }

  private static int number(String limit) {
    if (!limit.matches("-?[0-9]{1,9}")) {
      throw new BadParameterException("limit", "must be a whole number");
    }
    return Integer.parseInt(limit);
  }

  public static RunQuery runs(String state, String job, String cluster) {
    return new RunQuery(
        present(state).map(s -> constant("state", s, RunState.class)),
        present(job).map(j -> id("job", j, JobId::new)),
        present(cluster).map(c -> id("cluster", c, ClusterId::new)));
  }

  public static AuditQuery audit(
      String entityKind, String entityId, String actor, String from, String to) {
    return new AuditQuery(
        present(entityKind).map(k -> constant("entityKind", k, EntityKind.class)),
        text("entityId", entityId, MAX_TEXT),
        text("actor", actor, MAX_TEXT),
        present(from).map(f -> instant("from", f)),
        present(to).map(t -> instant("to", t)));
  }

  public static JobId jobId(String value) {
    return id("id", value, JobId::new);
  }

  public static ClusterId clusterId(String value) {
    return id("id", value, ClusterId::new);
  }

  /** A pool named in a path: required. */
  public static PoolName poolName(String value) {
    return id("pool", value, PoolName::new);
  }

  public static Optional<PoolName> pool(String value) {
    return present(value).map(p -> id("pool", p, PoolName::new));
  }

  public static RunId runId(String value) {
    try {
      return new RunId(value);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("id", "must look like <job>~<yyyymmdd>t<hhmmss>z");
    }
  }

  /**
   * An instant in UTC: {@code 2026-01-31T12:00:00Z}, or without zone ({@code 2026-01-31T12:00}, as
   * a browser's date-time field sends it) or a date alone, both read as UTC.
   */
  public static Instant instant(String field, String value) {
    String v = value.trim();
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException notInstant) {
      try {
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          throw new BadParameterException(
              field,
              "must be a UTC time such as 2026-01-31T12:00:00Z or a date such as 2026-01-31");
        }
      }
    }
  }

  static Optional<String> present(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static Optional<String> text(String field, String value, int max) {
    Optional<String> v = present(value);
    if (v.isPresent()
        && (v.get().length() > max || v.get().chars().anyMatch(Character::isISOControl))) {
      throw new BadParameterException(field, "must be at most " + max + " printable characters");
    }
    return v;
  }

  private static <T> T id(String field, String value, Function<String, T> make) {
    if (!Identifiers.isSafeId(value)) {
      throw new BadParameterException(
          field, "must be 1-63 of a-z, 0-9, '-' and '_', starting with a letter or digit");
    }
    return make.apply(value);
  }

  private static <E extends Enum<E>> E constant(String field, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(
          field,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList());
    }
  }
}
