package it.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * No answer the application gives (JSON, page or error) may show a stack trace or a Java class
 * name. {@link ApiClient} runs this on every response it receives; browser tests run it on the page
 * source.
 */
public final class NoLeaks {
  private static final List<String> FORBIDDEN =
      List.of("Exception", "at dev.verbatim", "at java.", "at jakarta.", "at org.");
  private static final AtomicInteger CHECKED = new AtomicInteger();

  private NoLeaks() {}

  public static void check(String where, String body) {
    CHECKED.incrementAndGet();
    if (body == null) {
      return;
    }
    for (String forbidden : FORBIDDEN) {
      int at = body.indexOf(forbidden);
      if (at >= 0) {
        int from = Math.max(0, at - 200);
        int to = Math.min(body.length(), at + 200);
        throw new AssertionError(
            where
                + " leaked internals (\""
                + forbidden
                + "\") to the client:\n..."
                + body.substring(from, to)
                + "...");
      }
    }
  }

  /** How many bodies were checked in this JVM (lets a test show the check really ran). */
  public static int checkedSoFar() {
    return CHECKED.get();
  }
}
