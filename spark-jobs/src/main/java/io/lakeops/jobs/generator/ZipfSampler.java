package io.lakeops.jobs.generator;

import java.util.Arrays;
import java.util.Random;

/**
 * Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s: a few pages get most of the
 * traffic, as on real dashboards. The cumulative table is computed once; a sample is a binary
 * search, so sampling stays cheap at high event rates.
 */
final class ZipfSampler {
  private final double[] cumulative;

  ZipfSampler(int n, double exponent) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one item");
    }
    cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / Math.pow(i + 1, exponent);
      cumulative[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
  }

  int sample(Random random) {
    int index = Arrays.binarySearch(cumulative, random.nextDouble());
    int rank = index >= 0 ? index : -index - 1;
    return Math.min(rank, cumulative.length - 1);
  }
}
