package dev.verbatim.reporting.internal.domain;

import java.util.random.RandomGenerator;

/**
 * Every rollup row is split into stripes (a key column): a transaction adds all its changes to one
 * stripe, so concurrent transactions on the same survey and day mostly update different rows
 * instead of waiting for one row lock until the previous commit is on disk. A figure is the sum
 * over the stripes; the recompute writes everything to stripe {@link #RECOMPUTED}.
 */
public final class RollupStripes {
  public static final int COUNT = 16;
  public static final String COLUMN = "stripe";
  public static final int RECOMPUTED = 0;

  private RollupStripes() {}

  public static int pick(RandomGenerator random) {
    return random.nextInt(COUNT);
  }
}
