package io.lakeops.adapters.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Spark job's arguments as {@code --name value} pairs, in the order added. */
final class ArgList {
  private final List<String> args = new ArrayList<>();

  ArgList add(String name, Object value) {
    args.add("--" + name);
    args.add(String.valueOf(value));
    return this;
  }

  ArgList addIfPresent(String name, Optional<String> value) {
    value.ifPresent(v -> add(name, v));
    return this;
  }

  List<String> toList() {
    return List.copyOf(args);
  }
}
