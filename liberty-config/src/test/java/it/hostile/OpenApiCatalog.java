package it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every operation the server describes in its own OpenAPI document ({@code GET /openapi}), so an
 * endpoint added later is fuzzed without anyone listing it.
 */
public final class OpenApiCatalog {
  private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

  private OpenApiCatalog() {}

  public static List<ApiOperation> read() {
    String body = ApiClient.anonymous().get("/openapi?format=json").expectStatus(200).body();
    JsonObject document = Json.createReader(new StringReader(body)).readObject();
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    List<ApiOperation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
      JsonObject item = path.getValue().asJsonObject();
      for (String method : METHODS) {
        if (!item.containsKey(method)) {
          continue;
        }
        JsonObject operation = item.getJsonObject(method);
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        List<JsonValue> declared = new ArrayList<>();
        if (item.getJsonArray("parameters") != null) {
          declared.addAll(item.getJsonArray("parameters"));
        }
        if (operation.getJsonArray("parameters") != null) {
          declared.addAll(operation.getJsonArray("parameters"));
        }
        for (JsonValue p : declared) {
          JsonObject parameter = p.asJsonObject();
          if (parameter.containsKey("$ref") || parameter.getString("in", "").equals("header")) {
            continue;
          }
          JsonObject schema = parameter.getJsonObject("schema");
          parameters.add(
              new ApiOperation.Parameter(
                  parameter.getString("name"),
                  parameter.getString("in"),
                  schema == null ? "string" : schema.getString("type", "string")));
        }
        List<String> consumes = new ArrayList<>();
        JsonObject bodySchema = null;
        JsonObject requestBody = operation.getJsonObject("requestBody");
        if (requestBody != null && requestBody.containsKey("content")) {
          JsonObject content = requestBody.getJsonObject("content");
          consumes.addAll(content.keySet());
          JsonObject first = content.getJsonObject(consumes.get(0));
          if (first.containsKey("schema")) {
            bodySchema = resolve(first.getJsonObject("schema"), schemas);
          }
        }
        operations.add(
            new ApiOperation(
                method.toUpperCase(Locale.ROOT),
                path.getKey(),
                List.copyOf(parameters),
                List.copyOf(consumes),
                bodySchema));
      }
    }
    assertThat(operations).as("operations in /openapi").hasSizeGreaterThan(20);
    return List.copyOf(operations);
  }

  /** Follows a {@code $ref} to components/schemas (one level: enough to name the fields). */
  static JsonObject resolve(JsonObject schema, JsonObject schemas) {
    if (schema == null) {
      return null;
    }
    String ref = schema.getString("$ref", null);
    if (ref == null || schemas == null) {
      return schema;
    }
    JsonObject target = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    return target == null ? schema : target;
  }
}
