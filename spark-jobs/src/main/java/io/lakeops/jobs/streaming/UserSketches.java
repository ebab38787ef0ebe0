package io.lakeops.jobs.streaming;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct users of a window, which, unlike counts, do not add up across micro-batches. Each window
 * keeps a HyperLogLog sketch (Apache DataSketches, which Spark itself ships for its {@code
 * hll_sketch_*} functions); a batch's sketch ({@link WindowTally}) is merged into the stored one.
 * With {@code lgConfigK} 12 a sketch is at most 2.6 kB and the estimate's relative standard error
 * is 1.6 % (so within 5 % at three sigma); below a few hundred users a window's sketch is still a
 * list of hashes and the count is exact but for hash collisions.
 */
final class UserSketches {
  static final int LG_CONFIG_K = 12;

  private UserSketches() {}

  /** The union of a stored sketch (null for a new window) and a batch's. */
  static byte[] union(byte[] stored, byte[] batch) {
    if (stored == null) {
      return batch;
    }
    Union union = new Union(LG_CONFIG_K);
    union.update(HllSketch.heapify(stored));
    union.update(HllSketch.heapify(batch));
    return union.getResult(TgtHllType.HLL_4).toCompactByteArray();
  }

  /** Rounded like Spark's {@code hll_sketch_estimate}. */
  static long estimate(byte[] sketch) {
    return Math.round(HllSketch.heapify(sketch).getEstimate());
  }
}
