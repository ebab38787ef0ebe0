package io.lakeops.adapters.spark;

import io.lakeops.jobs.contract.JobArg;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Spark job's arguments as {@code --name value} pairs, in the order added; the names are the job
 * jar's own ({@link io.lakeops.jobs.contract}).
 */
final class ArgList {
  private final List<String> args = new ArrayList<>();

  ArgList add(JobArg arg, Object value) {
    args.add(arg.flag());
    args.add(String.valueOf(value));
    return this;
  }

  ArgList addIfPresent(JobArg arg, Optional<String> value) {
    value.ifPresent(v -> add(arg, v));
    return this;
  }

  List<String> toList() {
    return List.copyOf(args);
  }
}
