package it.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports count answers and case changes from the module-event log after they commit, so a test
 * that reads a report right after writing waits first until the log has no backlog (as the server
 * says on {@code /health/ready}).
 */
public final class ReportsCaughtUp {
  private static final Pattern BACKLOG = Pattern.compile("\"backlog\"\\s*:\\s*(\\d+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ReportsCaughtUp() {}

  /** Waits until every published event was applied; fails after {@code timeout}. */
  public static void await(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = -1;
    while (System.nanoTime() < deadline) {
      last = backlog();
      if (last == 0) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        "the module-event log still had " + last + " events to apply after " + timeout);
  }

  public static void await() {
    await(Duration.ofSeconds(30));
  }

  /** Events not yet applied, summed over listeners; -1 when the server does not say. */
  public static long backlog() {
    try {
      HttpResponse<String> health =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(ItEnvironment.baseUrl() + "/health/ready"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      int check = health.body().indexOf("\"module-events\"");
      if (check < 0) {
        return -1;
      }
      int start = health.body().lastIndexOf('{', check);
      Matcher m = BACKLOG.matcher(health.body());
      return m.find(Math.max(0, start)) ? Long.parseLong(m.group(1)) : -1;
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
