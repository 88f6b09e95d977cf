package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {
  private static final long MINUTE = 60_000;

  @Test
  void underAMinuteIsBucketZeroAndEachBucketSpansAQuarterOfADoubling() {
    assertThat(DurationHistogram.bucket(0)).isZero();
    assertThat(DurationHistogram.bucket(MINUTE - 1)).isZero();
    assertThat(DurationHistogram.bucket(MINUTE)).isEqualTo(1);
    assertThat(DurationHistogram.bucket(2 * MINUTE)).isEqualTo(5);
    assertThat(DurationHistogram.bucket(2 * MINUTE - 1)).isEqualTo(4);
    assertThat(DurationHistogram.bucket(Long.MAX_VALUE)).isEqualTo(DurationHistogram.BUCKETS - 1);
  }

  @Test
  void noDurationsHaveNoPercentile() {
    assertThat(DurationHistogram.percentile(new long[DurationHistogram.BUCKETS], 0.5)).isNull();
  }

  @Test
  void aSingleDurationIsItsOwnMedianAndNinetiethPercentileWithinTheBucketError() {
    long[] counts = new long[DurationHistogram.BUCKETS];
    counts[DurationHistogram.bucket(60 * MINUTE)]++;
    assertThat(DurationHistogram.percentile(counts, 0.5))
        .isCloseTo(60 * MINUTE, within(5_500 * 60L));
    assertThat(DurationHistogram.percentile(counts, 0.9))
        .isEqualTo(DurationHistogram.percentile(counts, 0.5));
  }

  @Test
  void percentilesUseTheNearestRank() {
    // ten replies: 1..9 minutes and one of 10 hours; median = 5th = 5 min, p90 = 9th = 9 min
    long[] counts = new long[DurationHistogram.BUCKETS];
    for (int m = 1; m <= 9; m++) {
      counts[DurationHistogram.bucket(m * MINUTE)]++;
    }
    counts[DurationHistogram.bucket(600 * MINUTE)]++;
    assertThat(DurationHistogram.percentile(counts, 0.5)).isCloseTo(5 * MINUTE, within(27_500L));
    assertThat(DurationHistogram.percentile(counts, 0.9)).isCloseTo(9 * MINUTE, within(49_500L));
    assertThat(DurationHistogram.percentile(counts, 1.0))
        .isCloseTo(600 * MINUTE, within(54 * MINUTE));
  }

  @Property
  void theReportedValueIsWithinTenPercentOfAnyDurationInItsBucket(
      @ForAll @LongRange(min = 60_000, max = 10_000_000_000L) long millis) {
    long[] counts = new long[DurationHistogram.BUCKETS];
    counts[DurationHistogram.bucket(millis)]++;
    long reported = DurationHistogram.percentile(counts, 0.5);
    assertThat(Math.abs(reported - millis) / (double) millis).isLessThanOrEqualTo(0.0911);
  }
}
