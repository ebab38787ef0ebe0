package io.lakeops.domain;

/** Small helpers for putting untrusted strings into messages. */
public final class Text {
  private static final int MAX_QUOTED = 80;

  private Text() {}

  /** Quotes a value for an error message, cut short and with control characters made visible. */
  public static String quoteForMessage(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("'");
    value
        .codePoints()
        .limit(MAX_QUOTED)
        .forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
    if (value.length() > MAX_QUOTED) {
      out.append("…");
    }
    return out.append("'").toString();
  }

  /** At most {@code max} characters of {@code value}, with an ellipsis when cut; "" for null. */
  public static String truncate(String value, int max) {
    if (value == null) {
      return "";
    }
    return value.codePointCount(0, value.length()) <= max
        ? value
        : value.substring(0, value.offsetByCodePoints(0, max)) + "…";
  }
}
