package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.internal.domain.OutboxMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Splits a claimed batch over several SMTP connections sent at once. One connection waits for the
 * receiving server's reply to every command, so the sender idles most of the time; a few
 * connections keep both sides busy.
 */
final class ParallelDelivery {
  /**
   * Opening a connection costs about as much as sending a few mails: no share smaller than this.
   */
  static final int MIN_SHARE = 10;

  private final MailTransport transport;
  private final int connections;
  private final ExecutorService executor;

  ParallelDelivery(MailTransport transport, int connections, ExecutorService executor) {
    this.transport = transport;
    this.connections = Math.max(1, connections);
    this.executor = executor;
  }

  /**
   * Delivers every message of the batch exactly once, each share over its own connection.
   *
   * @return the results of the shares that finished, in batch order
   * @throws ShareFailed when a share threw; it carries the results of the others, which were sent
   */
  List<MailTransport.DeliveryResult> deliver(List<OutboxMessage> batch) {
    List<List<OutboxMessage>> shares = shares(batch, connections);
    List<Future<List<MailTransport.DeliveryResult>>> others = new ArrayList<>();
    for (List<OutboxMessage> share : shares.subList(1, shares.size())) {
      others.add(executor.submit(() -> transport.deliver(share)));
    }
    List<MailTransport.DeliveryResult> results = new ArrayList<>();
    RuntimeException failure = null;
    try {
      results.addAll(transport.deliver(shares.get(0)));
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<List<MailTransport.DeliveryResult>> share : others) {
      try {
        results.addAll(share.get());
      } catch (ExecutionException e) {
        failure = failure == null ? new RuntimeException(e.getCause()) : failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure == null ? new RuntimeException(e) : failure;
      }
    }
    if (failure != null) {
      throw new ShareFailed(results, failure);
    }
    return results;
  }

  /** Consecutive shares of near-equal size, at most {@code connections} of them. */
  static List<List<OutboxMessage>> shares(List<OutboxMessage> batch, int connections) {
    int count = Math.max(1, Math.min(Math.max(1, connections), batch.size() / MIN_SHARE));
    List<List<OutboxMessage>> shares = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < count; i++) {
      int to = from + (batch.size() - from) / (count - i);
      shares.add(batch.subList(from, to));
      from = to;
    }
    return shares;
  }

  /** A share failed unexpectedly; the other shares' results are still to be recorded. */
  static final class ShareFailed extends RuntimeException {
    private final transient List<MailTransport.DeliveryResult> completed;

    ShareFailed(List<MailTransport.DeliveryResult> completed, RuntimeException cause) {
      super("A share of the outbox batch failed", cause);
      this.completed = completed;
    }

    List<MailTransport.DeliveryResult> completed() {
      return completed;
    }
  }
}
