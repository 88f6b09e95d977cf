package it.hostile;

import it.support.ApiClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Applies a {@link Mutation} to an API operation or a page form, within this test's own data. */
public final class RequestFactory {
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String UNKNOWN_ID = "0f0f0f0f-0000-4000-8000-000000000000";

  /**
   * Operations and forms whose success changes what every other test relies on (routing, settings,
   * the shared taxonomy, sessions, mail to everyone). Logged-in requests to them only ever carry
   * bodies that cannot be valid, forms no valid CSRF token, and their path ids are never real.
   */
  private static final Pattern GLOBAL =
      Pattern.compile(
          "^/(api/settings|api/followup/settings|api/followup/rules|api/followup/root-causes"
              + "|api/followup/reply-templates|api/followup/owners|api/session|api/reports/recompute"
              + "|api/reports/digest|api/surveys/\\{surveyId}/distributions|api/followup/triage"
              + "|app/routing|app/settings|app/root-causes|app/reports/digest|app/reports/recompute"
              + "|app/logout|login|logout|app/triage|app/surveys/[^/]+/send"
              + "|app/surveys/[^/]+/distributions).*");

  /** Requests that log in or out: always from a throwaway client, never a test's session. */
  private static final Pattern SESSION = Pattern.compile("^/(api/session|login|logout).*");

  /** Field names the staff forms use, for form operations found in /openapi. */
  private static final List<String> COMMON_FORM_FIELDS =
      List.of(
          "text",
          "name",
          "title",
          "email",
          "q",
          "prompt",
          "type",
          "options",
          "owner",
          "reason",
          "rootCause",
          "resolution",
          "score",
          "username",
          "displayName",
          "password",
          "roles",
          "fallbackOwner",
          "label",
          "from",
          "to",
          "nps_1",
          "text_2",
          "contactIds",
          "audience");

  private final OwnWorld world;
  private final Map<Mutation.Who, ApiClient> clients = new EnumMap<>(Mutation.Who.class);
  private final Map<Mutation.Who, String> csrfTokens = new EnumMap<>(Mutation.Who.class);

  public RequestFactory(OwnWorld world) {
    this.world = world;
    clients.put(Mutation.Who.ANONYMOUS, ApiClient.anonymous());
    clients.put(Mutation.Who.ADMIN, world.admin);
    clients.put(Mutation.Who.MANAGER, world.manager);
    clients.put(Mutation.Who.OWNER, world.ownerClient);
  }

  public static boolean global(String pathOrTemplate) {
    return GLOBAL.matcher(pathOrTemplate.replaceAll("\\?.*", "")).matches();
  }

  // ---------------------------------------------------------------------------------------------
  // API operations
  // ---------------------------------------------------------------------------------------------

  public HostileRequest forOperation(ApiOperation op, Mutation m) {
    Random random = new Random(m.seed());
    boolean global = global(op.pathTemplate());
    Mutation.Who who = m.who();
    Mutation.Body bodyKind = m.body();
    boolean realIds = m.realIds() && !global;
    boolean session = SESSION.matcher(op.pathTemplate()).matches();
    if (global && op.mutates()) {
      boolean hasPathParameter = !op.pathParameterNames().isEmpty();
      if (!hasPathParameter && !m.certainlyInvalidBody()) {
        who = Mutation.Who.ANONYMOUS;
      }
    }
    if (session) {
      who = Mutation.Who.ANONYMOUS;
    }
    String path = expand(op, m, realIds, random);
    Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = null;
    if (op.mutates()) {
      String contentType = op.consumes().isEmpty() ? "application/json" : op.consumes().get(0);
      if (contentType.equals("*/*")) {
        contentType = "application/json";
      }
      headers.put("Content-Type", contentType);
      if (contentType.equals("application/x-www-form-urlencoded") && !m.certainlyInvalidBody()) {
        boolean validToken = !global && random.nextInt(3) > 0;
        String csrf = validToken ? csrfToken(who) : null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : COMMON_FORM_FIELDS) {
          if (random.nextBoolean()) {
            fields.put(name, m.text());
          }
        }
        body = utf8(encodeForm(fields, csrf, m, random));
      } else {
        body = body(op.bodySchema(), bodyKind, m.text(), random, contentType);
      }
    }
    applyHeaders(headers, m, random);
    if (m.headers() == Mutation.Headers.DUPLICATE_QUERY) {
      path = path + (path.contains("?") ? "&" : "?") + "page=1&page=-1&size=2&size=x&a=%00";
    }
    ApiClient client = session ? ApiClient.anonymous() : clients.get(who);
    return new HostileRequest(
        op.toString(),
        who,
        client,
        op.method(),
        path,
        headers,
        body,
        op.mutates(),
        bodyKind + "/" + m.headers() + (realIds ? "/real ids" : "/hostile ids"));
  }

  private String expand(ApiOperation op, Mutation m, boolean realIds, Random random) {
    String path = op.pathTemplate();
    for (String name : op.pathParameterNames()) {
      String real = realIds ? world.realValue(name, op.pathTemplate()) : null;
      path = path.replace("{" + name + "}", real != null ? real : m.pathValue());
    }
    List<String> query = new ArrayList<>();
    for (ApiOperation.Parameter p : op.query()) {
      int choice = random.nextInt(4);
      if (choice == 0) {
        continue;
      }
      String value = choice == 1 ? m.text() : oddValueOfType(p.type(), random);
      if (value.length() > 300) {
        value = value.substring(0, 300); // longer request lines are refused by Liberty itself
      }
      query.add(encode(p.name()) + "=" + encode(value));
    }
    return query.isEmpty() ? path : path + "?" + String.join("&", query);
  }

  private static String oddValueOfType(String type, Random random) {
    List<String> values =
        switch (type) {
          case "integer", "number" -> List.of("-1", "0", "2147483648", "1e9", "abc", "", "1.5");
          case "boolean" -> List.of("yes", "2", "", "TRUE");
          default -> List.of("", "..", "2026-02-30", "9999-99-99", "-1", "\u0000", "%");
        };
    return values.get(random.nextInt(values.size()));
  }

  static byte[] body(
      JsonObject schema, Mutation.Body kind, String text, Random random, String contentType) {
    if (contentType.startsWith("multipart/")) {
      return ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
              + text
              + "\r\n--x")
          .getBytes(StandardCharsets.UTF_8);
    }
    return switch (kind) {
      case SHAPED -> utf8(shaped(schema, text, random, false).toString());
      case ONE_FIELD -> utf8(shaped(schema, text, random, true).toString());
      case BROKEN_JSON ->
          utf8(
              List.of(
                      "{",
                      "{\"a\":",
                      "{\"title\":\"unterminated",
                      "{'a':1}",
                      "{\"a\":1,}",
                      "nul",
                      "<x/>")
                  .get(random.nextInt(7)));
      case WRONG_JSON_TYPE ->
          utf8(
              List.of("[]", "[{}]", "42", "\"text\"", "true", "null", "-0.0e-999")
                  .get(random.nextInt(7)));
      case DEEP_NESTING -> utf8("{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}");
      case INVALID_UTF8 -> invalidUtf8(schema);
      case HUGE -> utf8("{\"" + firstProperty(schema) + "\":\"" + "A".repeat(2_500_000) + "\"}");
      case EMPTY -> new byte[0];
      case UNKNOWN_FIELDS ->
          utf8(
              "{\"__proto__\":{\"admin\":true},\"id\":\""
                  + UNKNOWN_ID
                  + "\",\"x\":"
                  + Json.createValue(text)
                  + "}");
    };
  }

  private static JsonObject shaped(
      JsonObject schema, String text, Random random, boolean oneField) {
    JsonObject properties = schema == null ? null : schema.getJsonObject("properties");
    JsonObjectBuilder object = Json.createObjectBuilder();
    if (properties == null || properties.isEmpty()) {
      return object.add("text", text).add("name", text).build();
    }
    List<String> names = new ArrayList<>(properties.keySet());
    String hostileOne = names.get(random.nextInt(names.size()));
    for (String name : names) {
      JsonObject property = properties.get(name).asJsonObject();
      String type = property.getString("type", "object");
      if (oneField && !name.equals(hostileOne)) {
        object.add(name, plausible(type));
      } else {
        object.add(name, hostileValue(type, text, random));
      }
    }
    return object.build();
  }

  private static JsonValue plausible(String type) {
    return switch (type) {
      case "integer", "number" -> Json.createValue(5);
      case "boolean" -> JsonValue.TRUE;
      case "array" -> JsonValue.EMPTY_JSON_ARRAY;
      case "object" -> JsonValue.EMPTY_JSON_OBJECT;
      default -> Json.createValue("Plausible value");
    };
  }

  private static JsonValue hostileValue(String type, String text, Random random) {
    int pick = random.nextInt(8);
    return switch (pick) {
      case 0 -> JsonValue.NULL;
      case 1 ->
          Json.createValue(List.of(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE).get(random.nextInt(4)));
      case 2 -> Json.createValue(1e308);
      case 3 -> {
        JsonArrayBuilder array = Json.createArrayBuilder().add(text).add(JsonValue.NULL).add(-1);
        array.add(Json.createObjectBuilder().add("type", text).add("prompt", text));
        yield array.build();
      }
      case 4 -> Json.createObjectBuilder().add(text.isEmpty() ? "k" : text, text).build();
      case 5 -> type.equals("string") ? JsonValue.TRUE : Json.createValue(text);
      default -> Json.createValue(text);
    };
  }

  private static String firstProperty(JsonObject schema) {
    JsonObject properties = schema == null ? null : schema.getJsonObject("properties");
    return properties == null || properties.isEmpty()
        ? "text"
        : properties.keySet().iterator().next();
  }

  private static byte[] invalidUtf8(JsonObject schema) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("{\"" + firstProperty(schema) + "\":\"a"));
    out.writeBytes(
        new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 0});
    out.writeBytes(utf8("\"}"));
    return out.toByteArray();
  }

  private static void applyHeaders(Map<String, String> headers, Mutation m, Random random) {
    switch (m.headers()) {
      case NO_CONTENT_TYPE -> headers.remove("Content-Type");
      case WRONG_CONTENT_TYPE -> {
        if (!headers.isEmpty() || random.nextBoolean()) {
          headers.put(
              "Content-Type",
              List.of(
                      "text/plain",
                      "application/xml",
                      "multipart/form-data",
                      "application/x-www-form-urlencoded",
                      "application/json; boundary=",
                      "garbage",
                      "application/problem+json",
                      "text/csv")
                  .get(random.nextInt(8)));
        }
      }
      case ODD_ACCEPT ->
          headers.put(
              "Accept",
              List.of(
                      "application/xml",
                      "text/csv",
                      "image/png",
                      "*/*;q=abc",
                      "application/json;q=0",
                      "text/html")
                  .get(random.nextInt(6)));
      case HUGE_HEADER -> headers.put("X-Padding", "p".repeat(7_000));
      case BAD_CHARSET ->
          headers.put(
              "Content-Type",
              headers.getOrDefault("Content-Type", "application/json")
                  + "; charset=x-no-such-charset");
      default -> {}
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Page forms
  // ---------------------------------------------------------------------------------------------

  public HostileRequest forForm(PageForms.Form form, Mutation m) {
    Random random = new Random(m.seed());
    String action = ownIdsOnly(form.action());
    boolean global = global(action);
    boolean session = SESSION.matcher(action).matches();
    Mutation.Who who =
        form.page().startsWith("/app") && !session ? m.who() : Mutation.Who.ANONYMOUS;
    String csrfMode =
        global
            ? (random.nextBoolean() ? "none" : "wrong")
            : pick(random, "valid", "valid", "none", "wrong");
    Map<String, String> fields = new LinkedHashMap<>(form.defaults());
    List<String> names = new ArrayList<>(fields.keySet());
    names.remove("_csrf");
    String variant;
    int mode = random.nextInt(6);
    if (mode <= 2 && !names.isEmpty()) {
      variant = "all fields hostile";
      for (String name : names) {
        fields.put(name, random.nextInt(3) == 0 ? form.defaults().get(name) : m.text());
      }
    } else if (mode == 3 && !names.isEmpty()) {
      String one = names.get(random.nextInt(names.size()));
      variant = "field " + one + " hostile";
      fields.put(one, m.text());
    } else if (mode == 4 && !names.isEmpty()) {
      variant = "fields missing";
      names.stream().filter(n -> random.nextBoolean()).forEach(fields::remove);
    } else {
      variant = "unknown fields";
      fields.put(m.text().isEmpty() ? "x" : m.text(), m.text());
    }
    fields.remove("_csrf");
    String csrf =
        switch (csrfMode) {
          case "valid" -> csrfToken(who);
          case "wrong" -> "not-the-token";
          default -> null;
        };
    String encoded = encodeForm(fields, csrf, m, form.method().equals("GET") ? null : random);
    Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;
    String path = action;
    if (form.enctype().startsWith("multipart/")) {
      path = path.replaceAll("_csrf=[^&]*", "_csrf=" + (csrf == null ? "" : csrf));
      headers.put("Content-Type", "multipart/form-data; boundary=x");
      body = RequestFactory.body(null, m.body(), m.text(), random, "multipart/form-data");
    } else if (form.method().equals("GET")) {
      path = path.replaceAll("\\?.*", "") + "?" + encoded;
      body = null;
    } else {
      headers.put("Content-Type", "application/x-www-form-urlencoded");
      body = utf8(encoded);
    }
    applyHeaders(headers, m, random);
    return new HostileRequest(
        "form " + form.shape() + " (on " + PageForms.shape(form.page()) + ")",
        who,
        session ? ApiClient.anonymous() : clients.get(who),
        form.method().equals("GET") ? "GET" : "POST",
        path,
        headers,
        body,
        !form.method().equals("GET"),
        variant + "/csrf " + csrfMode + "/" + m.headers());
  }

  private String encodeForm(Map<String, String> fields, String csrf, Mutation m, Random random) {
    List<String> pairs = new ArrayList<>();
    if (csrf != null) {
      pairs.add("_csrf=" + encode(csrf));
    }
    fields.forEach(
        (k, v) ->
            pairs.add(
                encode(k) + "=" + encode(v.length() > 200_000 ? v.substring(0, 200_000) : v)));
    if (random == null) {
      return String.join("&", pairs); // a URL: java.net.URI refuses broken escapes
    }
    switch (random.nextInt(5)) {
      case 0 -> pairs.add("%zz=%");
      case 1 -> pairs.add(pairs.isEmpty() ? "a=1" : pairs.get(random.nextInt(pairs.size())));
      case 2 -> pairs.add("=&&=x&%00=%00");
      default -> {}
    }
    return String.join("&", pairs);
  }

  private synchronized String csrfToken(Mutation.Who who) {
    if (who == Mutation.Who.ANONYMOUS) {
      return "anonymous-has-no-token";
    }
    return csrfTokens.computeIfAbsent(
        who,
        w -> {
          Matcher token = CSRF.matcher(clients.get(w).get("/app/contacts").body());
          return token.find() ? token.group(1) : "no-token-found";
        });
  }

  /** Any id in a form's action that is not this test's own becomes an unknown one. */
  private String ownIdsOnly(String action) {
    Matcher ids = UUID.matcher(action);
    StringBuilder out = new StringBuilder();
    while (ids.find()) {
      ids.appendReplacement(out, world.ownIds().contains(ids.group()) ? ids.group() : UNKNOWN_ID);
    }
    ids.appendTail(out);
    return out.toString();
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
