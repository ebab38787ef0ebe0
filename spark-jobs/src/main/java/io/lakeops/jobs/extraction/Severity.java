package io.lakeops.jobs.extraction;

import java.util.Locale;

/** What a failed data-quality check does to its run: fail it, or only report a warning. */
public enum Severity {
  WARN,
  FAIL;

  public static Severity parse(String value) {
    return Severity.valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
