package io.lakeops.ports;

/**
 * A count that stops at a bound, so that counting costs the same whatever a store holds.
 *
 * @param value how many were counted
 * @param more whether there are more than {@code value}
 */
public record BoundedCount(long value, boolean more) {
  public BoundedCount {
    if (value < 0) {
      throw new IllegalArgumentException("a count is not negative: " + value);
    }
  }

  /** An exact count. */
  public static BoundedCount exactly(long value) {
    return new BoundedCount(value, false);
  }

  /** {@code 12}, or {@code 500+} when there are more. */
  @Override
  public String toString() {
    return more ? value + "+" : Long.toString(value);
  }
}
