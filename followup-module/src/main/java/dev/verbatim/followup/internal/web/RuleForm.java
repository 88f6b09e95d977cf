package dev.verbatim.followup.internal.web;

import dev.verbatim.followup.internal.application.RoutingRuleService.DryRunInput;
import dev.verbatim.followup.internal.application.RoutingRuleService.RuleInput;
import dev.verbatim.platform.api.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads the Routing page's rule and dry-run forms: lists are comma-separated, numbers optional. */
final class RuleForm {
  private RuleForm() {}

  static RuleInput read(MultivaluedMap<String, String> form) {
    String target = form.getFirst("target");
    String teamId = null;
    String owner = null;
    if (target != null && target.startsWith("team:")) {
      teamId = target.substring("team:".length());
    } else if (target != null && target.startsWith("owner:")) {
      owner = target.substring("owner:".length());
    }
    return new RuleInput(
        form.getFirst("name"),
        form.getFirst("surveyId"),
        form.getFirst("questionKey"),
        form.getFirst("band"),
        number("scoreMin", form.getFirst("scoreMin")),
        number("scoreMax", form.getFirst("scoreMax")),
        form.getFirst("attributeName"),
        commaSeparated(form.getFirst("attributeValues")),
        commaSeparated(form.getFirst("keywords")),
        teamId,
        owner,
        true);
  }

  static DryRunInput readDryRun(MultivaluedMap<String, String> form) {
    return new DryRunInput(
        form.getFirst("surveyId"),
        form.getFirst("questionKey"),
        number("score", form.getFirst("score")),
        form.getFirst("comment"),
        attributes(form.getFirst("attributes")));
  }

  /** What the person typed, to show in the form again. */
  static Map<String, String> sample(MultivaluedMap<String, String> form) {
    Map<String, String> sample = new HashMap<>();
    for (String field : List.of("surveyId", "questionKey", "score", "comment", "attributes")) {
      sample.put(field, form.getFirst(field) == null ? "" : form.getFirst(field));
    }
    return sample;
  }

  static String describe(InvalidInputException invalid) {
    return invalid.errors().stream()
        .map(e -> e.field() + ": " + e.message())
        .collect(Collectors.joining("; "));
  }

  private static Integer number(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "must be a whole number from 0 to 10");
    }
  }

  private static List<String> commaSeparated(String text) {
    return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
  }

  /** One {@code name=value} per line. */
  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (text != null) {
      for (String line : text.split("\\R")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          attributes.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
      }
    }
    return attributes;
  }
}
