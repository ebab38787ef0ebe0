package io.lakeops.ports;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing. {@code next} is an opaque cursor for the following page, empty on the last
 * page; stores never read a whole table to serve a page.
 */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
  }

  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }
}
