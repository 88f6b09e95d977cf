package it.hostile;

import it.support.ApiClient;
import it.support.ApiResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the data looks like through the read APIs an admin has: lists (ids and stable fields),
 * global settings, the contact export, the outbox's size. Equal fingerprints before and after a
 * group of rejected requests mean they wrote nothing. Fields that move on their own (times, ages,
 * SLA clocks, delivery states the drainer advances) are left out.
 */
public record Fingerprint(Map<String, String> parts) {
  private static final Pattern VOLATILE =
      Pattern.compile(
          ".*(At|Millis|Due|due|Sla|sla|Overdue|overdue|Age|Wait|wait|Escalat|escalat|Deliver"
              + "|deliver|Count|count|Remind|remind|Progress|progress|Last|last|Next|next).*");

  /** The reads; each must answer 200 to an admin. */
  static final List<String> READS =
      List.of(
          "/api/surveys",
          "/api/contacts?size=10000",
          "/api/cases?size=10000",
          "/api/users",
          "/api/followup/teams",
          "/api/followup/rules",
          "/api/followup/root-causes",
          "/api/followup/reply-templates",
          "/api/followup/settings",
          "/api/followup/owners",
          "/api/settings/sending",
          "/api/reports/predictions",
          "/api/reports/verbatims/reveals",
          "/api/contacts/export");

  public static Fingerprint take(ApiClient admin, List<String> reads) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String read : reads) {
      ApiResponse response = admin.get(read);
      if (response.status() != 200) {
        throw new AssertionError("fingerprint read " + read + " answered " + response);
      }
      parts.put(read, canonical(response));
    }
    return new Fingerprint(parts);
  }

  /** The reads that differ from {@code other}, with both versions (empty: the same data). */
  public List<String> differencesFrom(Fingerprint other) {
    List<String> differences = new ArrayList<>();
    parts.forEach(
        (read, value) -> {
          String theirs = other.parts().get(read);
          if (!value.equals(theirs)) {
            differences.add(read + "\n  before: " + clip(value) + "\n  after:  " + clip(theirs));
          }
        });
    return differences;
  }

  private static String canonical(ApiResponse response) {
    if (!response.contentType().contains("json")) {
      // CSV export: its lines, sorted (export order may follow a volatile column).
      List<String> lines = new ArrayList<>(List.of(response.body().split("\r?\n")));
      lines.sort(String::compareTo);
      return String.join("\n", lines);
    }
    JsonValue value = Json.createReader(new StringReader(response.body())).readValue();
    return stable(value);
  }

  private static String stable(JsonValue value) {
    switch (value.getValueType()) {
      case ARRAY -> {
        List<String> items = new ArrayList<>();
        value.asJsonArray().forEach(v -> items.add(stable(v)));
        items.sort(String::compareTo);
        return items.toString();
      }
      case OBJECT -> {
        JsonObject object = value.asJsonObject();
        Map<String, String> kept = new TreeMap<>();
        object.forEach(
            (k, v) -> {
              if (!VOLATILE.matcher(k).matches() || k.equals("id")) {
                kept.put(k, stable(v));
              }
            });
        return kept.toString();
      }
      default -> {
        return value.toString();
      }
    }
  }

  private static String clip(String text) {
    if (text == null) {
      return "(missing)";
    }
    return text.length() > 1_500 ? text.substring(0, 1_500) + "..." : text;
  }
}
