package io.lakeops.jobs.common;

import io.lakeops.jobs.contract.JobArg;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line arguments of the form {@code --name value}. Jobs are started by spark-submit (via
 * Livy on EMR), so arguments are plain strings; this class only turns them into checked values and
 * fails early with a message naming the argument. Unknown names are rejected so that a typo in the
 * console's submission does not silently fall back to a default.
 */
public final class JobArgs {
  private final Map<String, String> values;

  private JobArgs(Map<String, String> values) {
    this.values = values;
  }

  /** Parses {@code args} against the job's enum of arguments ({@link io.lakeops.jobs.contract}). */
  public static <E extends Enum<E> & JobArg> JobArgs parse(String[] args, Class<E> arguments) {
    Set<String> known = JobArg.keysOf(arguments);
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!name.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + name);
      }
      String key = name.substring(2);
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "unknown argument --" + key + "; known: " + new TreeSet<>(known));
      }
      values.put(key, args[i + 1]);
    }
    return new JobArgs(values);
  }

  public String required(JobArg arg) {
    String name = arg.key();
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing required argument --" + name);
    }
    return value;
  }

  public String optional(JobArg arg, String fallback) {
    String value = values.get(arg.key());
    return value == null || value.isBlank() ? fallback : value;
  }

  public int intArg(JobArg arg, int fallback, int min, int max) {
    String name = arg.key();
    String raw = values.get(name);
    int value = raw == null ? fallback : parse(name, raw, Integer::parseInt);
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be within [" + min + ", " + max + "] but was " + value);
    }
    return value;
  }

  public double doubleArg(JobArg arg, double fallback) {
    String name = arg.key();
    String raw = values.get(name);
    return raw == null ? fallback : parse(name, raw, Double::parseDouble);
  }

  /** A comma-separated list; empty when the argument is absent or blank. */
  public List<String> list(JobArg arg) {
    String raw = values.get(arg.key());
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static <T> T parse(String name, String raw, java.util.function.Function<String, T> fn) {
    try {
      return fn.apply(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " is not a number: " + raw, e);
    }
  }
}
