package it.hostile;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the server's OpenAPI document.
 *
 * @param bodySchema the request body's schema with references resolved one level (null: no body)
 */
public record ApiOperation(
    String method,
    String pathTemplate,
    List<Parameter> parameters,
    List<String> consumes,
    JsonObject bodySchema) {

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");

  /** A path or query parameter. */
  public record Parameter(String name, String in, String type) {}

  public boolean mutates() {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  public List<Parameter> query() {
    return parameters.stream().filter(p -> p.in().equals("query")).toList();
  }

  /** The template's {@code {name}} placeholders, in order. */
  public List<String> pathParameterNames() {
    Matcher m = PATH_PARAM.matcher(pathTemplate);
    List<String> names = new java.util.ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Override
  public String toString() {
    return method + " " + pathTemplate;
  }
}
