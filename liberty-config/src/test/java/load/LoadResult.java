package load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link LoadRunner} run measured: requests, wall time, throughput, latency percentiles
 * (nearest rank over every request, none dropped), the tokens whose request was acknowledged
 * (2xx/303), and the other answers counted by status ({@link Outcome#IO_ERROR} for no answer).
 */
public record LoadResult(
    String label,
    int clients,
    int requests,
    long elapsedNanos,
    long[] sortedLatencyNanos,
    List<String> acknowledgedTokens,
    Map<Integer, Long> failuresByStatus) {

  static LoadResult of(String label, int clients, long elapsed, List<LoadRunner.ClientLog> logs) {
    int total = logs.stream().mapToInt(l -> l.count).sum();
    long[] all = new long[total];
    int at = 0;
    List<String> acknowledged = new ArrayList<>();
    Map<Integer, Long> failures = new TreeMap<>();
    for (LoadRunner.ClientLog log : logs) {
      System.arraycopy(log.nanos, 0, all, at, log.count);
      at += log.count;
      acknowledged.addAll(log.acknowledged);
      log.failures.forEach((status, n) -> failures.merge(status, n, Long::sum));
    }
    Arrays.sort(all);
    return new LoadResult(
        label,
        clients,
        total,
        elapsed,
        all,
        Collections.unmodifiableList(acknowledged),
        Collections.unmodifiableMap(failures));
  }

  /** Acknowledged requests per second of wall time. */
  public double acknowledgedPerSecond() {
    return acknowledgedTokens.size() / (elapsedNanos / 1e9);
  }

  /** Nearest-rank percentile in milliseconds ({@code p} in 0–100); NaN without requests. */
  public double percentileMillis(double p) {
    if (sortedLatencyNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedLatencyNanos.length);
    return sortedLatencyNanos[Math.max(0, Math.min(rank, sortedLatencyNanos.length) - 1)] / 1e6;
  }

  public long failures() {
    return failuresByStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line: label, clients, count, rate, p50, p99, max, failures by status. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%-28s %3d clients %,8d requests %6.1f s %,9.1f /s  p50 %7.2f ms  p99 %7.2f ms  max %7.1f"
            + " ms  failures %s",
        label,
        clients,
        requests,
        elapsedNanos / 1e9,
        acknowledgedPerSecond(),
        percentileMillis(50),
        percentileMillis(99),
        percentileMillis(100),
        failuresByStatus.isEmpty() ? "none" : failuresByStatus.toString());
  }
}
