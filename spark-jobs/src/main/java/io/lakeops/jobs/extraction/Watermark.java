package io.lakeops.jobs.extraction;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The watermark column and the run's window {@code [low, high)} over it. The window arrives as text
 * (an ISO-8601 instant or a decimal id) and is parsed here, so the SQL literals built from it can
 * only ever be a formatted timestamp or a number, never caller-supplied text.
 */
public record Watermark(String column, Kind kind, String low, String high) {

  /** What the watermark column holds. */
  public enum Kind {
    /** An insert/update timestamp; updated rows come back as new versions in later windows. */
    TIMESTAMP,
    /** A strictly increasing id (append-only tables). */
    ID;

    public static Kind parse(String value) {
      return Kind.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
  }

  // MySQL compares a string literal against DATETIME/TIMESTAMP in the session time zone, which the
  // reader sets to UTC; microseconds keep DATETIME(6) windows exact.
  private static final DateTimeFormatter SQL_TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  public Watermark {
    if (kind == Kind.TIMESTAMP && !instant(low).isBefore(instant(high))) {
      throw new IllegalArgumentException("window low must be before high: " + low + " " + high);
    }
    if (kind == Kind.ID && id(low) >= id(high)) {
      throw new IllegalArgumentException("window low must be below high: " + low + " " + high);
    }
  }

  /** The SQL predicate selecting the window; literals are re-rendered from parsed values. */
  public String predicate() {
    return column + " >= " + sqlLiteral(low) + " AND " + column + " < " + sqlLiteral(high);
  }

  /** Lower bound in the form Spark's partitioned JDBC read expects for this kind of column. */
  public String sparkLowerBound() {
    return kind == Kind.ID ? Long.toString(id(low)) : sparkTimestamp(low);
  }

  /** Upper bound for Spark's partition stride (the window is exclusive, Spark's bound is not). */
  public String sparkUpperBound() {
    return kind == Kind.ID ? Long.toString(id(high) - 1) : sparkTimestamp(high);
  }

  private String sqlLiteral(String value) {
    return kind == Kind.ID ? Long.toString(id(value)) : "'" + SQL_TS.format(instant(value)) + "'";
  }

  private static String sparkTimestamp(String value) {
    return SQL_TS.format(instant(value));
  }

  static Instant instant(String value) {
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 instant: " + value, e);
    }
  }

  static long id(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an integer id: " + value, e);
    }
  }
}
