package dev.verbatim.platform.internal.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many unknown-token lookups ("misses") each client address may make: a token bucket per
 * address holding {@code burst} misses, refilled at {@code perMinute}. Only misses are charged, so
 * a customer opening and submitting their own valid link never spends anything, however often; a
 * client guessing links runs dry after {@code burst} guesses and then gets {@code perMinute} more a
 * minute. Buckets that are full again are forgotten, so memory stays bounded by the clients that
 * missed recently.
 */
public final class MissBudget {
  private static final int FORGET_ABOVE = 10_000;

  private final double burst;
  private final double perMilli;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public MissBudget(int burst, int perMinute) {
    if (burst < 1 || perMinute < 1) {
      throw new IllegalArgumentException("burst and perMinute must be at least 1");
    }
    this.burst = burst;
    this.perMilli = perMinute / 60_000.0;
  }

  /**
   * @return 0 when the address may make a lookup now, else the whole seconds until it may (for
   *     Retry-After)
   */
  public long secondsUntilAllowed(String address, long now) {
    Bucket bucket = buckets.get(address);
    if (bucket == null) {
      return 0;
    }
    synchronized (bucket) {
      bucket.refill(now);
      if (bucket.tokens >= 1) {
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000));
    }
  }

  /** One lookup from this address named no known token. */
  public void miss(String address, long now) {
    if (buckets.size() > FORGET_ABOVE) {
      forgetFullBuckets(now);
    }
    Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.refill(now);
      bucket.tokens = Math.max(0, bucket.tokens - 1);
    }
  }

  int trackedAddresses() {
    return buckets.size();
  }

  private void forgetFullBuckets(long now) {
    buckets
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                e.getValue().refill(now);
                return e.getValue().tokens >= burst;
              }
            });
  }

  private final class Bucket {
    double tokens;
    long refilledAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.refilledAt = now;
    }

    void refill(long now) {
      if (now > refilledAt) {
        tokens = Math.min(burst, tokens + (now - refilledAt) * perMilli);
        refilledAt = now;
      }
    }
  }
}
