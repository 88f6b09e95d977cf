package bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Not a test with a time limit: imports 100,000 generated contacts (3 attributes each, some quoted
 * fields with commas and quotes) through the API, then the same file again (all updates), then
 * another 100,000 new ones on the now warm server, and prints rows per second, rows per server
 * CPU-second, the counts and the server's heap. Run with {@code mvn -Pbench-import verify
 * -Dbenchmark=ContactImportBenchmark} (see docs/PERFORMANCE.md).
 */
class ContactImportBenchmark {
  private static final int ROWS = Integer.getInteger("benchmark.rows", 100_000);

  @Test
  void importHundredThousandContacts() throws Exception {
    ApiClient admin = ApiClient.admin();
    String tag = Long.toString(System.nanoTime(), 36);
    byte[] csv = generate(tag);
    System.out.printf(
        Locale.ROOT,
        "%nContact import benchmark: %,d rows, %,d bytes, database %s%n",
        ROWS,
        csv.length,
        System.getProperty("benchmark.database", "?"));
    JsonObject created = timed("first import (new contacts)", admin, csv);
    assertThat(created.getInt("created")).isEqualTo(ROWS);
    JsonObject updated = timed("same file again (existing contacts)", admin, csv);
    assertThat(updated.getInt("updated")).isEqualTo(ROWS);
    // The first import also pays for the server's JIT compilation of the import path (the C2
    // compiler used about a third of the machine during it); a server that has imported before
    // is what most imports meet.
    JsonObject warm = timed("as many new ones (warm server)", admin, generate(tag + "w"));
    assertThat(warm.getInt("created")).isEqualTo(ROWS);
    System.out.println("Server heap after: " + serverHeap());
  }

  private static JsonObject timed(String label, ApiClient admin, byte[] csv) throws Exception {
    Optional<ProcessHandle> server = serverProcess();
    Duration cpuBefore = server.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    long start = System.nanoTime();
    ApiResponse started = admin.postBytes("/api/contacts/imports", "text/csv", csv);
    started.expectStatus(202);
    JsonObject status;
    do {
      TimeUnit.MILLISECONDS.sleep(100);
      status = admin.get(started.location()).expectStatus(200).json();
    } while (!status.getString("status").equals("DONE")
        && !status.getString("status").equals("FAILED"));
    long nanos = System.nanoTime() - start;
    assertThat(status.getString("status")).as(status.toString()).isEqualTo("DONE");
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-38s %,9.0f rows/s  total %6.2f s  created %,d  updated %,d  rejected %,d%n",
        label,
        status.getInt("processed") / seconds,
        seconds,
        status.getInt("created"),
        status.getInt("updated"),
        status.getInt("rejected"));
    Optional<Duration> cpuAfter = server.flatMap(p -> p.info().totalCpuDuration());
    if (cpuAfter.isPresent()) {
      // CPU time is what the server used whatever else the machine runs: rows per CPU-second say
      // how fast the import would be with a core of its own (commit waits for the disk aside).
      double cpu = cpuAfter.get().minus(cpuBefore).toMillis() / 1e3;
      System.out.printf(
          Locale.ROOT,
          "%-38s %,9.0f rows per server CPU-second (%.1f CPU-s)%n",
          "",
          status.getInt("processed") / cpu,
          cpu);
    }
    return status;
  }

  private static byte[] generate(String tag) {
    StringBuilder csv = new StringBuilder(ROWS * 90);
    csv.append("email,name,Region,Plan,Account manager\r\n");
    String[] regions = {"EMEA", "APAC", "AMER", "LATAM"};
    for (int i = 0; i < ROWS; i++) {
      csv.append("bench.").append(tag).append('.').append(i).append("@example.com,");
      if (i % 10 == 0) {
        csv.append("\"Doe, Jane \"\"JD\"\" ").append(i).append('"');
      } else {
        csv.append("Customer ").append(i);
      }
      csv.append(',').append(regions[i % regions.length]);
      csv.append(',').append(i % 3 == 0 ? "Enterprise" : "Team");
      csv.append(",\"Manager ").append(i % 50).append(", Sales\"\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The Liberty server of this build (its java agent lives under this build's wlp). */
  private static Optional<ProcessHandle> serverProcess() {
    String agent = System.getProperty("benchmark.wlpDir", "none") + "/bin/tools/ws-javaagent.jar";
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              String line = String.join(" ", p.info().arguments().orElse(new String[0]));
              return line.contains(agent)
                  && line.contains("verbatimit")
                  && !line.contains("--status");
            })
        .findFirst();
  }

  /** {@code jcmd <pid> GC.heap_info} of the Liberty server, which runs as the same user. */
  private static String serverHeap() {
    try {
      String pid = serverProcess().map(p -> Long.toString(p.pid())).orElse(null);
      if (pid == null) {
        return "unknown (no server process of this build)";
      }
      Process jcmd =
          new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
      if (!jcmd.waitFor(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS)) {
        jcmd.destroy();
        return "unknown (jcmd timed out)";
      }
      return "\n" + new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown (interrupted)";
    }
  }
}
