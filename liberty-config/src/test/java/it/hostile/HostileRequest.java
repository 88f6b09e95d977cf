package it.hostile;

import it.support.ApiClient;
import it.support.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A concrete request to send: who sends it, method, path with query, headers, body bytes.
 *
 * @param mutating whether success would change data (so a rejection must leave the data alone)
 */
public record HostileRequest(
    String target,
    Mutation.Who who,
    ApiClient client,
    String method,
    String path,
    Map<String, String> headers,
    byte[] body,
    boolean mutating,
    String variant) {

  public ApiResponse send() {
    return client.exchange(method, path, headers, body);
  }

  @Override
  public String toString() {
    String shownBody =
        body == null ? "(none)" : new String(body, StandardCharsets.UTF_8).replace("\r", "\\r");
    if (shownBody.length() > 300) {
      shownBody = shownBody.substring(0, 300) + "... (" + body.length + " bytes)";
    }
    String shownPath = path.length() > 300 ? path.substring(0, 300) + "..." : path;
    Map<String, String> shownHeaders = new java.util.LinkedHashMap<>();
    headers.forEach(
        (k, v) -> shownHeaders.put(k, v.length() > 80 ? v.substring(0, 80) + "..." : v));
    return target
        + " as "
        + who
        + " ["
        + variant
        + "]: "
        + method
        + " "
        + shownPath
        + " headers "
        + shownHeaders
        + " body "
        + shownBody;
  }
}
