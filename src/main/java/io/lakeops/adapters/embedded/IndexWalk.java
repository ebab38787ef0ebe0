package io.lakeops.adapters.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code WHERE} and {@code ORDER BY} of a listing that H2 answers by walking one index in
 * order. H2 reads an index in its order only when the {@code ORDER BY} names the index's columns
 * from its first one, so the columns the filter holds equal must lead the {@code ORDER BY} (which
 * changes nothing in the result, they are constant). Without them H2 reads every matching row and
 * sorts: 95,000 rows for the newest 100 succeeded runs of a store with 100,000.
 */
final class IndexWalk {
  private final StringBuilder where = new StringBuilder("WHERE 1 = 1");
  private final List<String> leading = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  /** The next column of the index, held equal to {@code value}: it leads the order. */
  IndexWalk along(String column, Object value) {
    leading.add(column);
    return where(column + " = ?", value);
  }

  /** Any other condition, with its parameters. */
  IndexWalk where(String condition, Object... values) {
    where.append(" AND ").append(condition);
    params.addAll(List.of(values));
    return this;
  }

  /** The clauses, ordered by the leading columns and then {@code sort}. */
  String clauses(String sort) {
    List<String> order = new ArrayList<>(leading);
    order.add(sort);
    return where + " ORDER BY " + String.join(", ", order);
  }

  /** The parameters of the conditions, then {@code more}. */
  Object[] params(Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(more));
    return all.toArray();
  }
}
