package it.security;

import it.support.ItEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request from a chosen loopback source address. Linux routes all of 127.0.0.0/8 to
 * the loopback interface, so a socket bound to 127.0.0.77 is, to the server, another client than
 * the tests' usual 127.0.0.1.
 */
final class RawHttp {
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  static Answer get(String sourceAddress, String path, String accept) {
    return send(sourceAddress, "GET", path, "Accept: " + accept + "\r\n", null, null);
  }

  /** A request claiming, in X-Forwarded-For, to come from somewhere else. */
  static Answer getForwardedFor(String sourceAddress, String path, String claimed) {
    return send(
        sourceAddress,
        "GET",
        path,
        "Accept: text/html\r\nX-Forwarded-For: " + claimed + "\r\n",
        null,
        null);
  }

  private static Answer send(
      String source, String method, String path, String headers, String contentType, String body) {
    URI base = URI.create(ItEnvironment.baseUrl());
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
      socket.setSoTimeout(30_000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(path)
              .append(" HTTP/1.1\r\nHost: localhost:")
              .append(base.getPort())
              .append("\r\n")
              .append(headers)
              .append("Connection: close\r\n");
      if (body != null) {
        request
            .append("Content-Type: ")
            .append(contentType)
            .append("\r\nContent-Length: ")
            .append(content.length)
            .append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " from " + source + " failed: " + e, e);
    }
  }

  private static Answer parse(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = 0;
    while (!(all[end] == '\r'
        && all[end + 1] == '\n'
        && all[end + 2] == '\r'
        && all[end + 3] == '\n')) {
      end++;
    }
    String[] head = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.put(
          head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          head[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = at;
      while (chunked[lineEnd] != '\r') {
        lineEnd++;
      }
      String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
