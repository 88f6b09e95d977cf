package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server's JVM as the benchmarks see it ({@code verbatimit} on Derby, {@code verbatimpg}
 * on PostgreSQL): its CPU time, heap (jcmd), RSS, and the machine's load.
 */
final class ServerProcess {
  private ServerProcess() {}

  /** The pid of the Liberty server {@code server} started from this build's wlp. */
  static Optional<Long> pid(String server) {
    String agent = System.getProperty("benchmark.wlpDir", "none") + "/bin/tools/ws-javaagent.jar";
    return ProcessHandle.allProcesses()
        .filter(
            p -> {
              String line = String.join(" ", p.info().arguments().orElse(new String[0]));
              return line.contains(agent)
                  && java.util.Arrays.asList(p.info().arguments().orElse(new String[0]))
                      .contains(server)
                  && !line.contains("--status");
            })
        .map(ProcessHandle::pid)
        .findFirst();
  }

  /** The server JVM's CPU time so far (user + system), in milliseconds; -1 when unknown. */
  static long cpuMillis(String server) {
    return pid(server)
        .flatMap(ProcessHandle::of)
        .flatMap(p -> p.info().totalCpuDuration())
        .map(java.time.Duration::toMillis)
        .orElse(-1L);
  }

  /** {@code jcmd <pid> GC.heap_info}. */
  static String heap(String server) {
    return pid(server)
        .map(pid -> run("jcmd", Long.toString(pid), "GC.heap_info"))
        .orElse("unknown");
  }

  /** VmRSS and VmHWM from {@code /proc/<pid>/status}. */
  static String rss(String server) {
    return pid(server)
        .map(
            pid -> {
              try {
                return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " "))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("unknown");
              } catch (IOException e) {
                return "unknown (" + e.getMessage() + ")";
              }
            })
        .orElse("unknown");
  }

  /** The load average line of {@code uptime}. */
  static String uptime() {
    return run("uptime").strip();
  }

  static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroy();
        return "unknown (" + command[0] + " timed out)";
      }
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown (interrupted)";
    }
  }
}
