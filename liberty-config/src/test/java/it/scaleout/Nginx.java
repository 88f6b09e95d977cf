package it.scaleout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx in front of the servers, as an operator would put it there: round robin over all of them,
 * no sticky sessions, passive health checks, a failed connection tried on the next server. Runs
 * {@code nginx -c CONF -p DIR} in the foreground ({@code daemon off}) as a child of the test JVM,
 * with its config, pid, logs and temp files in DIR (under target/), on a free loopback port.
 */
public final class Nginx implements AutoCloseable {
  private static final Path BINARY =
      Files.isExecutable(Path.of("/usr/sbin/nginx"))
          ? Path.of("/usr/sbin/nginx")
          : Path.of("nginx");

  private final Path dir;
  private final int port;
  private Process process;

  private Nginx(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Writes the configuration for {@code upstreamPorts} on 127.0.0.1 and starts nginx. */
  public static Nginx roundRobin(Path dir, List<Integer> upstreamPorts) {
    Nginx nginx = new Nginx(dir, freePort());
    nginx.start(upstreamPorts);
    return nginx;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path accessLog() {
    return dir.resolve("access.log");
  }

  static String config(Path dir, int port, List<Integer> upstreamPorts, boolean root) {
    String servers =
        upstreamPorts.stream()
            // Passive health check: one failed attempt (error, timeout, or one of the statuses of
            // proxy_next_upstream) takes the server out of the rotation for 5 s, then it is tried
            // again with real traffic. No active checks: open-source nginx has none.
            .map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
            .collect(Collectors.joining("\n"));
    return String.join(
        "\n",
        // Workers run as "nobody" when the master is root, and could not write the temp paths
        // under target/; as any other user the directive is ignored with a warning, so leave it.
        root ? "user root;" : "",
        "worker_processes 1;",
        "daemon off;",
        "pid " + dir.resolve("nginx.pid") + ";",
        "error_log " + dir.resolve("error.log") + " notice;",
        "events { worker_connections 1024; }",
        "http {",
        "  log_format upstreams '$remote_addr \"$request\" $status upstream=$upstream_addr"
            + " upstream_status=$upstream_status time=$request_time';",
        "  access_log " + dir.resolve("access.log") + " upstreams;",
        "  client_body_temp_path " + dir.resolve("temp/client_body") + ";",
        "  proxy_temp_path " + dir.resolve("temp/proxy") + ";",
        "  fastcgi_temp_path " + dir.resolve("temp/fastcgi") + ";",
        "  uwsgi_temp_path " + dir.resolve("temp/uwsgi") + ";",
        "  scgi_temp_path " + dir.resolve("temp/scgi") + ";",
        "  client_max_body_size 20m;",
        // Round robin (the default) and no ip_hash/sticky: any request may land on any server,
        // which is what the stateless application must cope with.
        "  upstream verbatim {",
        servers,
        "    keepalive 32;",
        "  }",
        "  server {",
        "    listen 127.0.0.1:" + port + ";",
        "    location / {",
        "      proxy_pass http://verbatim;",
        "      proxy_http_version 1.1;",
        "      proxy_set_header Connection \"\";",
        "      proxy_set_header Host $http_host;",
        "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "      proxy_set_header X-Forwarded-Proto $scheme;",
        "      proxy_connect_timeout 2s;",
        "      proxy_read_timeout 60s;",
        // A request that could not be delivered (connection refused or reset: a killed server),
        // timed out, or got a 502 goes to the next server; so does a 503, which a server answers
        // while it starts (it waits for the start-up lock) and which says the request was not
        // handled. No "non_idempotent": nginx then passes a POST on only when nothing of it was
        // sent (connect failed). A POST that reached a server which then died may have committed
        // (an answer, a distribution, a note); sending it again elsewhere could do it twice for
        // requests that are not idempotent by nature, so the client gets the error and decides.
        // (An answer through a personal link would be safe: the link takes one response, 409.)
        "      proxy_next_upstream error timeout http_502 http_503;",
        "      proxy_next_upstream_tries 2;",
        "    }",
        "  }",
        "}",
        "");
  }

  private void start(List<Integer> upstreamPorts) {
    try {
      Files.createDirectories(dir.resolve("temp"));
      Path conf = dir.resolve("nginx.conf");
      boolean root = "root".equals(System.getProperty("user.name"));
      Files.writeString(conf, config(dir, port, upstreamPorts, root));
      process =
          new ProcessBuilder(
                  BINARY.toString(),
                  "-c",
                  conf.toString(),
                  "-p",
                  dir.toString(),
                  "-e",
                  dir.resolve("error.log").toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("nginx.out").toFile())
              .start();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "nginx exited with "
                  + process.exitValue()
                  + ": "
                  + Files.readString(dir.resolve("nginx.out"))
                  + readIfExists(dir.resolve("error.log")));
        }
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
          return;
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
      throw new IllegalStateException("nginx did not listen on " + port + " within 20 s");
    } catch (IOException e) {
      throw new IllegalStateException("could not start nginx", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** SIGTERM (nginx's fast shutdown), then SIGKILL if it lingers. */
  @Override
  public void close() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> workers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static String readIfExists(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
