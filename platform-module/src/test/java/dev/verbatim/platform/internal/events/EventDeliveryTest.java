package dev.verbatim.platform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.platform.api.ModuleEvent;
import dev.verbatim.platform.api.ModuleEventListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The delivery rules on a queue kept in memory whose "transactions" commit the listener's writes
 * together with the removal of the applied events, as the database does.
 */
class EventDeliveryTest {
  private static final EventLogSettings.Limits LIMITS = new EventLogSettings.Limits(4, 3, 1000);

  private long now = 1_000_000;
  private final MemoryQueue queue = new MemoryQueue();
  private final EventDelivery delivery = new EventDelivery(queue, () -> now, LIMITS);

  @Test
  void appliesEveryEventOnceInLogOrderAcrossBatches() {
    for (int i = 0; i < 10; i++) {
      queue.publish("case-" + (i % 3), "{\"n\":" + i + "}");
    }
    RecordingListener listener = new RecordingListener(e -> false);

    int applied = delivery.drain(listener);

    assertThat(applied).isEqualTo(10);
    assertThat(listener.committed).extracting(ModuleEvent::seq).isSorted().hasSize(10);
    assertThat(listener.batches).containsExactly(4, 4, 2);
    assertThat(listener.committedFor("case-1"))
        .extracting(ModuleEvent::payload)
        .containsExactly("{\"n\":1}", "{\"n\":4}", "{\"n\":7}");
    assertThat(queue.queued).isEmpty();
  }

  @Test
  void aCrashBeforeTheCommitLeavesTheBatchToBeAppliedOnceLater() {
    for (int i = 0; i < 4; i++) {
      queue.publish("r" + i, "{}");
    }
    RecordingListener listener = new RecordingListener(e -> false);
    queue.failCommits = 1;

    delivery.drain(listener);

    assertThat(listener.committed).extracting(ModuleEvent::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(queue.queued).isEmpty();
  }

  @Test
  void aFailingEventIsRetriedWithBackoffAndWhatCameBeforeItIsApplied() {
    for (int i = 0; i < 4; i++) {
      queue.publish("r" + i, "{}");
    }
    boolean[] broken = {true};
    RecordingListener listener = new RecordingListener(e -> broken[0] && e.seq() == 3);

    assertThat(delivery.drain(listener)).isEqualTo(2);
    assertThat(queue.retryAt).isEqualTo(now + 1000);
    assertThat(queue.attempts(3)).isEqualTo(1);

    now += 500;
    assertThat(delivery.drain(listener)).as("waits for its retry").isZero();

    now += 600;
    assertThat(delivery.drain(listener)).isZero();
    assertThat(queue.retryAt).as("the wait doubles").isEqualTo(now + 2000);

    broken[0] = false;
    now += 2000;
    assertThat(delivery.drain(listener)).isEqualTo(2);
    assertThat(listener.committed).extracting(ModuleEvent::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(queue.failures).isZero();
  }

  @Test
  void anEventThatKeepsFailingIsParkedAfterTheLastAttemptAndTheRestGoOn() {
    for (int i = 0; i < 3; i++) {
      queue.publish("r" + i, "{}");
    }
    RecordingListener listener = new RecordingListener(e -> e.seq() == 2);

    for (int attempt = 0; attempt < LIMITS.maxAttempts(); attempt++) {
      delivery.drain(listener);
      now += LIMITS.MAX_RETRY_MILLIS;
    }

    assertThat(queue.parked).containsOnlyKeys(2L);
    assertThat(queue.parked.get(2L)).contains("broken event 2");
    assertThat(listener.committed).extracting(ModuleEvent::seq).containsExactly(1L, 3L);
    assertThat(queue.queued).containsOnlyKeys(2L);
  }

  @Test
  void anUnreadablePayloadIsParkedAtOnce() {
    queue.publish("r1", "{}");
    queue.publish("r2", "not json");
    queue.publish("r3", "{}");
    RecordingListener listener =
        new RecordingListener(e -> false) {
          @Override
          void check(ModuleEvent event) {
            event.read(Map.class);
          }
        };

    delivery.drain(listener);

    assertThat(queue.parked).containsOnlyKeys(2L);
    assertThat(queue.parked.get(2L)).contains("event 2 (test) cannot be read as Map");
    assertThat(listener.committed).extracting(ModuleEvent::seq).containsExactly(1L, 3L);
  }

  @Test
  void anotherServersLeaseStopsThisOne() {
    queue.publish("r1", "{}");
    queue.leasedElsewhere = true;
    RecordingListener listener = new RecordingListener(e -> false);

    assertThat(delivery.drain(listener)).isZero();
    assertThat(listener.committed).isEmpty();
    assertThat(queue.queued).hasSize(1);
  }

  @Test
  void backoffDoublesUpToFiveMinutes() {
    assertThat(LIMITS.retryDelayMillis(0)).isEqualTo(1000);
    assertThat(LIMITS.retryDelayMillis(3)).isEqualTo(8000);
    assertThat(LIMITS.retryDelayMillis(40)).isEqualTo(300_000);
  }

  /** A listener whose writes stay staged until the queue commits its transaction. */
  static class RecordingListener implements ModuleEventListener {
    final List<ModuleEvent> committed = new ArrayList<>();
    final List<Integer> batches = new ArrayList<>();
    final List<ModuleEvent> staged = new ArrayList<>();
    private final Predicate<ModuleEvent> fails;

    RecordingListener(Predicate<ModuleEvent> fails) {
      this.fails = fails;
    }

    @Override
    public String name() {
      return "test";
    }

    @Override
    public Set<String> types() {
      return Set.of("test");
    }

    void check(ModuleEvent event) {
      if (fails.test(event)) {
        throw new IllegalStateException("broken event " + event.seq());
      }
    }

    @Override
    public void apply(List<ModuleEvent> events) {
      for (ModuleEvent event : events) {
        check(event);
        staged.add(event);
      }
    }

    void commit() {
      committed.addAll(staged);
      batches.add(staged.size());
      staged.clear();
    }

    void rollback() {
      staged.clear();
    }

    List<ModuleEvent> committedFor(String aggregate) {
      return committed.stream().filter(e -> e.aggregateId().equals(aggregate)).toList();
    }
  }

  private final class MemoryQueue implements EventQueue {
    final TreeMap<Long, QueuedEvent> queued = new TreeMap<>();
    final Map<Long, String> parked = new LinkedHashMap<>();
    long retryAt;
    int failures;
    int failCommits;
    boolean leasedElsewhere;
    private long seq;

    void publish(String aggregate, String payload) {
      seq++;
      queued.put(
          seq,
          new QueuedEvent(new ModuleEvent("e" + seq, seq, "test", aggregate, payload, now), 0));
    }

    int attempts(long seq) {
      return queued.get(seq).attempts();
    }

    @Override
    public int lease(String listener, long at) {
      return leasedElsewhere || at < retryAt ? -1 : failures;
    }

    @Override
    public List<QueuedEvent> next(String listener, int max) {
      return queued.values().stream()
          .filter(e -> !parked.containsKey(e.event().seq()))
          .limit(max)
          .toList();
    }

    @Override
    public void apply(ModuleEventListener listener, List<QueuedEvent> events, long at) {
      RecordingListener recording = (RecordingListener) listener;
      try {
        listener.apply(events.stream().map(QueuedEvent::event).toList());
        if (failCommits > 0) {
          failCommits--;
          throw new IllegalStateException("the connection was lost at commit");
        }
      } catch (RuntimeException e) {
        recording.rollback();
        throw e;
      }
      recording.commit();
      events.forEach(e -> queued.remove(e.event().seq()));
      failures = 0;
      retryAt = 0;
    }

    @Override
    public void retryLater(String listener, QueuedEvent event, String error, long at) {
      long s = event.event().seq();
      queued.put(s, new QueuedEvent(event.event(), event.attempts() + 1));
      failures++;
      retryAt = at;
    }

    @Override
    public void park(String listener, QueuedEvent event, String error, long at) {
      parked.put(event.event().seq(), error);
    }
  }
}
