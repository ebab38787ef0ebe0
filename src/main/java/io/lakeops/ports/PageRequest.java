package io.lakeops.ports;

import java.util.Optional;

/** Which page to read: at most {@code limit} items, after {@code cursor} when present. */
public record PageRequest(int limit, Optional<String> cursor) {
  public static final int MAX_LIMIT = 500;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("page size must be between 1 and " + MAX_LIMIT);
    }
    cursor = cursor == null ? Optional.empty() : cursor.filter(c -> !c.isBlank());
  }

  public static PageRequest first(int limit) {
    return new PageRequest(limit, Optional.empty());
  }

  public static PageRequest after(int limit, String cursor) {
    return new PageRequest(limit, Optional.ofNullable(cursor));
  }
}
