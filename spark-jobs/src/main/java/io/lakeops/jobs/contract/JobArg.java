package io.lakeops.jobs.contract;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** One argument of a job's command line, given as {@code --<key> <value>}. */
public interface JobArg {
  /** The argument's name without its dashes, such as {@code jdbc-url}. */
  String key();

  /** The argument as written on the command line, such as {@code --jdbc-url}. */
  default String flag() {
    return "--" + key();
  }

  /** The keys of all the arguments a job takes, given as its enum of arguments. */
  static <E extends Enum<E> & JobArg> Set<String> keysOf(Class<E> arguments) {
    return Arrays.stream(arguments.getEnumConstants())
        .map(JobArg::key)
        .collect(Collectors.toUnmodifiableSet());
  }
}
