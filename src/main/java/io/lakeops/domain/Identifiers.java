package io.lakeops.domain;

import java.util.regex.Pattern;

/**
 * The alphabets names must come from. Ids end up in DynamoDB keys, URLs, file paths and Spark
 * arguments, and table or column names end up in SQL, so both are held to strict patterns instead
 * of being escaped at each place they are used.
 */
public final class Identifiers {

  /** Ids of jobs, pools and clusters: lower-case letters, digits, '-' and '_', 1 to 63 long. */
  public static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  /**
   * Table and column names: an SQL identifier that needs no quoting, optionally schema-qualified.
   */
  public static final Pattern SQL_IDENTIFIER =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63})?");

  private Identifiers() {}

  public static boolean isSafeId(String value) {
    return value != null && SAFE_ID.matcher(value).matches();
  }

  public static boolean isSqlIdentifier(String value) {
    return value != null && SQL_IDENTIFIER.matcher(value).matches();
  }

  static String requireSafeId(String kind, String value) {
    if (!isSafeId(value)) {
      throw new IllegalArgumentException(
          kind + " must match " + SAFE_ID.pattern() + " but was " + Text.quoteForMessage(value));
    }
    return value;
  }
}
