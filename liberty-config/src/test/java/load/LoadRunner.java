package load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * K concurrent clients taking tokens from one queue, each doing one request (or submission) at a
 * time, until the queue is empty, {@code maxRequests} were started or {@code maxDuration} has
 * passed, whichever comes first: a run always stops by itself. Every request's latency, status and
 * token are recorded in a {@link LoadResult}.
 */
public final class LoadRunner {
  private LoadRunner() {}

  /**
   * Runs {@code request} for tokens from {@code tokens} (taken, so a token is used once) on {@code
   * clients} threads.
   */
  public static LoadResult run(
      String label,
      int clients,
      Queue<String> tokens,
      int maxRequests,
      Duration maxDuration,
      Function<String, Outcome> request) {
    AtomicInteger started = new AtomicInteger();
    long begin = System.nanoTime();
    long deadline = begin + maxDuration.toNanos();
    List<ClientLog> logs = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      ClientLog log = new ClientLog();
      logs.add(log);
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline
                    && started.getAndIncrement() < maxRequests
                    && !Thread.currentThread().isInterrupted()) {
                  String token = tokens.poll();
                  if (token == null) {
                    return;
                  }
                  log.add(token, request.apply(token));
                }
              },
              "load-" + label + "-" + c);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
    }
    long elapsed = System.nanoTime() - begin;
    return LoadResult.of(label, clients, elapsed, logs);
  }

  /** One client's record, merged after the run (no sharing while it runs). */
  static final class ClientLog {
    long[] nanos = new long[1024];
    int count;
    final List<String> acknowledged = new ArrayList<>();
    final java.util.Map<Integer, Long> failures = new java.util.TreeMap<>();

    void add(String token, Outcome outcome) {
      if (count == nanos.length) {
        nanos = java.util.Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = outcome.nanos();
      if (outcome.acknowledged()) {
        acknowledged.add(token);
      } else {
        failures.merge(outcome.status(), 1L, Long::sum);
      }
    }
  }
}
