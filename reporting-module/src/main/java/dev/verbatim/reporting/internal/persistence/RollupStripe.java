package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.reporting.internal.domain.RollupStripes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The stripe of the current transaction, picked at random on first use and kept for the rest of the
 * transaction: all rollup rows one transaction touches share the stripe, so two transactions that
 * meet on one stripe lock its rows in the same order and simply queue (no deadlock).
 */
@ApplicationScoped
public class RollupStripe {
  private static final Object KEY = RollupStripe.class.getName();

  @Resource TransactionSynchronizationRegistry transaction;

  public int current() {
    return ofTransaction(transaction);
  }

  static int ofTransaction(TransactionSynchronizationRegistry transaction) {
    Object stripe = transaction.getResource(KEY);
    if (stripe == null) {
      stripe = RollupStripes.pick(ThreadLocalRandom.current());
      transaction.putResource(KEY, stripe);
    }
    return (Integer) stripe;
  }
}
