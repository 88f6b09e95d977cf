package dev.verbatim.reporting.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verbatim.reporting.internal.domain.RollupStripes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RollupStripeTest {
  @Test
  void aTransactionKeepsTheStripeItFirstGot() {
    var transaction = new FakeTransaction();

    int first = RollupStripe.ofTransaction(transaction);

    for (int i = 0; i < 50; i++) {
      assertEquals(first, RollupStripe.ofTransaction(transaction));
    }
  }

  @Test
  void transactionsSpreadOverEveryStripe() {
    Set<Integer> used = new TreeSet<>();
    for (int i = 0; i < 2_000; i++) {
      used.add(RollupStripe.ofTransaction(new FakeTransaction()));
    }

    Set<Integer> all = new TreeSet<>();
    for (int s = 0; s < RollupStripes.COUNT; s++) {
      all.add(s);
    }
    assertEquals(all, used);
  }

  /** Only the resources of one transaction. */
  private static final class FakeTransaction implements TransactionSynchronizationRegistry {
    private final Map<Object, Object> resources = new HashMap<>();

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {
      resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {}

    @Override
    public int getTransactionStatus() {
      return 0;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }
}
