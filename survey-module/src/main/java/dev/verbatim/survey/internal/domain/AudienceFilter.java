package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which contacts a distribution goes to, written as conditions on contact attributes joined by AND:
 * {@code region in (north, west) AND plan = gold}, also {@code plan != trial} and {@code plan not
 * in (trial, free)}. Names and values compare without regard to case; a contact without the
 * attribute matches only the negative conditions. Blank means every contact.
 */
public final class AudienceFilter {
  private static final Pattern AND = Pattern.compile("(?i)\\s+and\\s+");
  private static final Pattern CONDITION =
      Pattern.compile(
          "(?i)^\\s*([\\p{L}\\p{N}_.-]+)\\s*(=|!=|not\\s+in|in)\\s*(.+?)\\s*$", Pattern.DOTALL);
  private static final int MAX_LENGTH = 1000;

  private record Condition(String attribute, boolean negated, Set<String> values) {
    boolean matches(Map<String, String> attributes) {
      String actual = null;
      for (Map.Entry<String, String> e : attributes.entrySet()) {
        if (e.getKey().equalsIgnoreCase(attribute)) {
          actual = e.getValue();
        }
      }
      boolean in = actual != null && values.contains(normal(actual));
      return negated != in;
    }
  }

  private final String text;
  private final List<Condition> conditions;

  private AudienceFilter(String text, List<Condition> conditions) {
    this.text = text;
    this.conditions = conditions;
  }

  public static AudienceFilter everyone() {
    return new AudienceFilter(null, List.of());
  }

  /**
   * @throws InvalidInputException naming the field {@code audience} and what is wrong
   */
  public static AudienceFilter parse(String text) {
    if (text == null || text.isBlank()) {
      return everyone();
    }
    if (text.length() > MAX_LENGTH) {
      throw invalid("is longer than " + MAX_LENGTH + " characters");
    }
    List<Condition> conditions = new ArrayList<>();
    for (String part : AND.split(text.strip())) {
      Matcher m = CONDITION.matcher(part);
      if (!m.matches()) {
        throw invalid(
            "cannot read \""
                + part.strip()
                + "\"; write conditions like: region in (north, west) AND plan = gold");
      }
      String operator = m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      boolean list = operator.endsWith("in");
      Set<String> values = values(m.group(3), list, part);
      conditions.add(
          new Condition(
              m.group(1), operator.startsWith("!") || operator.startsWith("not"), values));
    }
    return new AudienceFilter(text.strip(), List.copyOf(conditions));
  }

  private static Set<String> values(String raw, boolean list, String part) {
    Set<String> values = new LinkedHashSet<>();
    if (list) {
      if (!raw.startsWith("(") || !raw.endsWith(")")) {
        throw invalid("put the values of \"" + part.strip() + "\" in brackets: in (a, b)");
      }
      for (String v : raw.substring(1, raw.length() - 1).split(",")) {
        if (!unquote(v).isEmpty()) {
          values.add(normal(unquote(v)));
        }
      }
    } else if (!unquote(raw).isEmpty()) {
      values.add(normal(unquote(raw)));
    }
    if (values.isEmpty()) {
      throw invalid("\"" + part.strip() + "\" has no value to compare with");
    }
    return values;
  }

  private static String unquote(String v) {
    String s = v.strip();
    if (s.length() >= 2
        && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  private static String normal(String v) {
    return v.strip().toLowerCase(Locale.ROOT);
  }

  private static InvalidInputException invalid(String message) {
    return new InvalidInputException("audience", message);
  }

  public boolean matches(Map<String, String> attributes) {
    return conditions.stream().allMatch(c -> c.matches(attributes));
  }

  public boolean isEveryone() {
    return conditions.isEmpty();
  }

  /** The filter as written (trimmed), or null for every contact. */
  public String text() {
    return text;
  }
}
