package bench;

import it.support.ApiClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How far the reports trail the customers while they answer: every 250 ms it reads the headline's
 * freshness and takes the age of the oldest change not yet counted as the lag (0 when none waits).
 * After the load it measures how long the backlog takes to drain.
 */
final class ReportLagSampler implements AutoCloseable {
  private final ApiClient staff;
  private final List<Long> lagMillis = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private volatile boolean running = true;

  ReportLagSampler(ApiClient staff) {
    this.staff = staff;
    this.thread = new Thread(this::sample, "report-lag-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running) {
      try {
        JsonObject freshness =
            staff.get("/api/reports/headline").expectStatus(200).json().getJsonObject("freshness");
        if (freshness.getBoolean("upToDate")) {
          lagMillis.add(0L);
        } else if (freshness.get("oldestWaitingAt") != null
            && freshness.get("oldestWaitingAt").getValueType()
                == jakarta.json.JsonValue.ValueType.STRING) {
          long oldest = Instant.parse(freshness.getString("oldestWaitingAt")).toEpochMilli();
          lagMillis.add(Math.max(0, System.currentTimeMillis() - oldest));
        }
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a sample lost under load is not a figure
      } catch (AssertionError e) {
        // ApiClient reports an interrupted request (finish() stopping us) or an unexpected status
        // as a failed assertion: the first ends the sampling, the second is a lost sample
        if (!running) {
          return;
        }
      }
    }
  }

  /** Stops sampling, then waits until the reports have caught up; prints the figures. */
  String finish(String label) {
    running = false;
    thread.interrupt();
    long stopped = System.nanoTime();
    long backlog = waiting();
    while (waiting() > 0 && System.nanoTime() - stopped < Duration.ofMinutes(5).toNanos()) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    double drainSeconds = (System.nanoTime() - stopped) / 1e9;
    List<Long> sorted;
    synchronized (lagMillis) {
      sorted = new ArrayList<>(lagMillis);
    }
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "%s: report lag over %d samples p50 %d ms, p99 %d ms, max %d ms; backlog at the end %,d"
            + " events, caught up %.1f s later",
        label,
        sorted.size(),
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
        backlog,
        drainSeconds);
  }

  private long waiting() {
    return staff
        .get("/api/reports/headline")
        .expectStatus(200)
        .json()
        .getJsonObject("freshness")
        .getJsonNumber("waiting")
        .longValue();
  }

  private static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
