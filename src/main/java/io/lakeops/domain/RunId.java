package io.lakeops.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The deterministic id of a run: its job and the scheduled window it covers. Creating the same run
 * twice therefore names the same record, which is what makes run creation idempotent.
 */
public record RunId(String value) {
  private static final Pattern FORMAT =
      Pattern.compile(Identifiers.SAFE_ID.pattern() + "~[0-9]{8}t[0-9]{6}z");
  private static final DateTimeFormatter WINDOW =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public RunId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "run id must look like <job>~<yyyymmdd>t<hhmmss>z but was "
              + Text.quoteForMessage(value));
    }
  }

  /** The run of {@code job} for the window scheduled at {@code scheduledFor} (second precision). */
  public static RunId of(JobId job, Instant scheduledFor) {
    return new RunId(job.value() + "~" + WINDOW.format(scheduledFor).toLowerCase());
  }

  public JobId job() {
    return new JobId(value.substring(0, value.indexOf('~')));
  }

  @Override
  public String toString() {
    return value;
  }
}
