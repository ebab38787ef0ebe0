package io.lakeops.control.jobs;

import io.lakeops.domain.Durations;
import io.lakeops.domain.Identifiers;
import io.lakeops.domain.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with the fields of one input, so an author sees every problem at once.
 * Each check returns the parsed value, or null after recording an error.
 */
final class FieldChecks {
  /** Markup or script: a tag opener, a comment, or a javascript: URL. */
  private static final Pattern MARKUP =
      Pattern.compile("<\\s*[a-zA-Z/!?]|javascript:|&#", Pattern.CASE_INSENSITIVE);

  private final List<FieldError> errors = new ArrayList<>();

  List<FieldError> errors() {
    return errors;
  }

  void fail(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  boolean present(String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      fail(field, "is required");
      return false;
    }
    return true;
  }

  void absent(String field, Object value, String why) {
    if (value != null) {
      fail(field, "must not be set " + why);
    }
  }

  String safeId(String field, String value) {
    if (!present(field, value)) {
      return null;
    }
    if (!Identifiers.isSafeId(value)) {
      fail(field, "must be 1-63 of a-z, 0-9, '-' and '_', starting with a letter or digit");
      return null;
    }
    return value;
  }

  String sqlIdentifier(String field, String value) {
    if (!present(field, value)) {
      return null;
    }
    if (!Identifiers.isSqlIdentifier(value)) {
      fail(
          field,
          "must be a plain SQL identifier (letters, digits, '_'), got "
              + Text.quoteForMessage(value));
      return null;
    }
    return value;
  }

  String plainText(String field, String value, int maxLength) {
    if (value == null) {
      return "";
    }
    if (value.length() > maxLength) {
      fail(field, "must be at most " + maxLength + " characters");
    } else if (MARKUP.matcher(value).find()) {
      fail(field, "must be plain text, without markup or script");
    } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      fail(field, "must not contain control characters");
    } else {
      return value;
    }
    return null;
  }

  Duration duration(String field, String value, String fallback, Duration min, Duration max) {
    String text = value == null ? fallback : value;
    if (!present(field, text)) {
      return null;
    }
    try {
      Duration d = Durations.parse(text);
      if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
        fail(field, "must be between " + Durations.format(min) + " and " + Durations.format(max));
        return null;
      }
      return d;
    } catch (IllegalArgumentException e) {
      fail(field, e.getMessage());
      return null;
    }
  }

  int integer(String field, Integer value, int fallback, int min, int max) {
    int v = value == null ? fallback : value;
    if (v < min || v > max) {
      fail(field, "must be between " + min + " and " + max);
    }
    return v;
  }

  <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, E fallback) {
    if (value == null && fallback != null) {
      return fallback;
    }
    if (!present(field, value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name().toLowerCase(Locale.ROOT));
      }
      fail(field, "must be one of " + allowed);
      return null;
    }
  }
}
