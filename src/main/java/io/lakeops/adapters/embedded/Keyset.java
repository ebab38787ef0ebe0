package io.lakeops.adapters.embedded;

import io.lakeops.ports.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keyset paging: a cursor is the sort key of the last row served, made opaque. Queries fetch one
 * row more than asked to know whether another page follows.
 */
final class Keyset {
  private Keyset() {}

  /** A cursor for a (number, id) sort key. */
  static String encode(long number, String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((number + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** A cursor for an id-only sort key. */
  static String encode(String id) {
    return encode(0, id);
  }

  static Position decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      return new Position(Long.parseLong(text.substring(0, bar)), text.substring(bar + 1));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("page cursor is not one this store made");
    }
  }

  /** The page of {@code rows} (fetched with limit + 1) and the cursor after its last item. */
  static <T> Page<T> page(List<T> rows, int limit, Function<T, String> cursorOf) {
    if (rows.size() <= limit) {
      return Page.last(rows);
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, Optional.of(cursorOf.apply(items.get(limit - 1))));
  }

  record Position(long number, String id) {}
}
