package dev.verbatim.reporting.internal.domain;

import java.util.Arrays;

/**
 * Durations counted in buckets on a log scale, so percentiles come from a few dozen counters
 * instead of every case. Bucket 0 holds durations under a minute; bucket i (1..{@value #BUCKETS}-1)
 * holds [1 min × 2^((i−1)/4), 1 min × 2^(i/4)). A percentile is reported as the geometric middle of
 * its bucket (30 s for bucket 0), so it is off by at most 9.1 % (a bucket spans a factor 2^(1/4) =
 * 1.19); the last bucket is open-ended and reported as its lower bound.
 */
public final class DurationHistogram {
  public static final int BUCKETS = 80;
  private static final long[] LOWER = new long[BUCKETS];

  static {
    LOWER[0] = 0;
    for (int i = 1; i < BUCKETS; i++) {
      LOWER[i] = Math.round(60_000 * Math.pow(2, (i - 1) / 4.0));
    }
  }

  private DurationHistogram() {}

  public static int bucket(long millis) {
    int found = Arrays.binarySearch(LOWER, Math.max(0, millis));
    return found >= 0 ? found : -found - 2;
  }

  public static long lowerBound(int bucket) {
    return LOWER[bucket];
  }

  /** What a percentile falling in this bucket is reported as. */
  public static long representative(int bucket) {
    if (bucket == 0) {
      return 30_000;
    }
    if (bucket == BUCKETS - 1) {
      return LOWER[bucket];
    }
    return Math.round(Math.sqrt((double) LOWER[bucket] * LOWER[bucket + 1]));
  }

  /**
   * Nearest-rank percentile ({@code p} in (0, 1]) of the counted durations; null when none were
   * counted.
   */
  public static Long percentile(long[] counts, double p) {
    long n = Arrays.stream(counts).sum();
    if (n <= 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p * n));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return representative(i);
      }
    }
    return representative(counts.length - 1);
  }
}
