package io.lakeops.jobs.common;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Table and column names reach SQL text (the JDBC subquery, the PostgreSQL DDL and upsert), where
 * they cannot be bound as parameters. Instead of escaping them at each use, they are held to a
 * pattern that never needs quoting; anything else is refused before a connection is opened.
 */
public final class SqlIdentifiers {
  private static final String PART = "[A-Za-z_][A-Za-z0-9_]{0,63}";
  private static final Pattern COLUMN = Pattern.compile(PART);
  private static final Pattern TABLE = Pattern.compile(PART + "(\\." + PART + ")?");

  private SqlIdentifiers() {}

  public static String column(String name) {
    return check("column", name, COLUMN);
  }

  public static List<String> columns(List<String> names) {
    return names.stream().map(SqlIdentifiers::column).toList();
  }

  /** A table name, optionally qualified by its schema (database), e.g. {@code shop.orders}. */
  public static String table(String name) {
    return check("table", name, TABLE);
  }

  private static String check(String kind, String name, Pattern pattern) {
    if (name == null || !pattern.matcher(name).matches()) {
      throw new IllegalArgumentException(
          kind + " name must match " + pattern.pattern() + " but was '" + name + "'");
    }
    return name;
  }
}
