package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.internal.domain.OutboxMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One drain run over several connections at once. The calling thread claims batch after batch and
 * splits each into shares; every lane keeps one connection open for the whole run, takes the next
 * share, sends it and records its results, while the other lanes go on sending. One connection
 * waits for the receiving server's reply to every command, so a few keep both sides busy; and no
 * lane waits for another's share or commit. (A run that sent each batch's shares together and
 * marked them between batches reached half the rate of raw sending.)
 *
 * <p>A crash resends at most what the lanes have sent and not yet recorded: one share each. Shares
 * claimed but not yet taken (at most one batch) wait for their lease to expire.
 */
final class DeliveryLanes {
  /**
   * Opening a connection costs about as much as sending a few mails: no share smaller than this.
   */
  static final int MIN_SHARE = 10;

  private static final long POLL_MILLIS = 50;

  private final Supplier<MailTransport> connections;
  private final int lanes;
  private final ExecutorService executor;
  private final Consumer<List<MailTransport.DeliveryResult>> recorder;

  /**
   * @param connections opens one lane's connection (it connects when the first share comes)
   * @param recorder marks one share's results in the outbox; called from the lanes at once
   */
  DeliveryLanes(
      Supplier<MailTransport> connections,
      int lanes,
      ExecutorService executor,
      Consumer<List<MailTransport.DeliveryResult>> recorder) {
    this.connections = connections;
    this.lanes = Math.max(1, lanes);
    this.executor = executor;
    this.recorder = recorder;
  }

  /**
   * Sends what {@code claim} hands out until a claim comes back with fewer than {@code fullBatch}
   * messages, every message of every batch over exactly one lane.
   *
   * @throws LaneFailed when a lane or the claim threw; the lanes stop after their current share
   */
  void drain(Supplier<List<OutboxMessage>> claim, int fullBatch) {
    List<OutboxMessage> batch = claim.get();
    if (batch.isEmpty()) {
      return;
    }
    Run run = new Run();
    List<Future<?>> running = new ArrayList<>();
    int needed = batch.size() == fullBatch ? lanes : shares(batch, lanes).size();
    for (int i = 0; i < needed; i++) {
      running.add(executor.submit(run::lane));
    }
    try {
      while (true) {
        for (List<OutboxMessage> share : shares(batch, lanes)) {
          run.handOut(share);
        }
        if (batch.size() < fullBatch || run.failure.get() != null) {
          break;
        }
        batch = claim.get();
      }
    } catch (RuntimeException e) {
      run.failure.compareAndSet(null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.failure.compareAndSet(null, new IllegalStateException("Interrupted", e));
    } finally {
      run.claiming = false;
    }
    for (Future<?> lane : running) {
      awaitLane(lane, run);
    }
    if (run.failure.get() != null) {
      throw new LaneFailed(run.failure.get());
    }
  }

  private static void awaitLane(Future<?> lane, Run run) {
    try {
      lane.get();
    } catch (ExecutionException e) {
      run.failure.compareAndSet(null, new IllegalStateException(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.failure.compareAndSet(null, new IllegalStateException("Interrupted", e));
    }
  }

  /** The shares handed out and the first failure of one run. */
  private final class Run {
    /** One share ahead per lane: a lane never waits for the claim. */
    final BlockingQueue<List<OutboxMessage>> shares = new ArrayBlockingQueue<>(lanes);

    final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    volatile boolean claiming = true;

    void handOut(List<OutboxMessage> share) throws InterruptedException {
      while (failure.get() == null) {
        if (shares.offer(share, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    }

    void lane() {
      try (MailTransport connection = connections.get()) {
        while (failure.get() == null) {
          List<OutboxMessage> share = shares.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
          if (share != null) {
            recorder.accept(connection.deliver(share));
          } else if (!claiming && shares.isEmpty()) {
            return;
          }
        }
      } catch (RuntimeException e) {
        // What this share sent is not recorded: its leases expire and it is sent again, with the
        // same Message-IDs.
        failure.compareAndSet(null, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.compareAndSet(null, new IllegalStateException("Interrupted", e));
      }
    }
  }

  /** Consecutive shares of near-equal size, at most {@code lanes} of them. */
  static List<List<OutboxMessage>> shares(List<OutboxMessage> batch, int lanes) {
    if (batch.isEmpty()) {
      return List.of();
    }
    int count = Math.max(1, Math.min(Math.max(1, lanes), batch.size() / MIN_SHARE));
    List<List<OutboxMessage>> shares = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < count; i++) {
      int to = from + (batch.size() - from) / (count - i);
      shares.add(batch.subList(from, to));
      from = to;
    }
    return shares;
  }

  /** A lane or a claim failed; what the lanes sent before was recorded. */
  static final class LaneFailed extends RuntimeException {
    LaneFailed(RuntimeException cause) {
      super("Delivering the outbox failed", cause);
    }
  }
}
