package dev.verbatim.survey.internal.domain;

import dev.verbatim.platform.api.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A contact as sent by a client; {@link #problems} names each bad field under the given prefix. */
public record ContactInput(String email, String name, Map<String, String> attributes) {
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;]+$");
  private static final Pattern ATTRIBUTE = Pattern.compile("^[A-Za-z][A-Za-z0-9_ -]{0,59}$");

  public List<FieldError> problems(String prefix) {
    List<FieldError> errors = new ArrayList<>();
    if (email == null || email.isBlank()) {
      errors.add(new FieldError(prefix + "email", "must not be empty"));
    } else if (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
      errors.add(new FieldError(prefix + "email", "is not an email address"));
    }
    if (name != null && name.strip().length() > 200) {
      errors.add(new FieldError(prefix + "name", "must be at most 200 characters"));
    }
    if (attributes != null && attributes.size() > ContactAttributes.MAX) {
      errors.add(
          new FieldError(
              prefix + "attributes", "must hold at most " + ContactAttributes.MAX + " attributes"));
    } else if (attributes != null) {
      attributes.forEach(
          (key, value) -> {
            if (key == null || !ATTRIBUTE.matcher(key).matches()) {
              errors.add(
                  new FieldError(
                      prefix + "attributes",
                      "attribute name '"
                          + key
                          + "' must start with a letter (letters, digits, space, _ or -, up to 60)"));
            } else if (value == null || value.length() > 500) {
              errors.add(
                  new FieldError(
                      prefix + "attributes." + key, "must be text of at most 500 characters"));
            }
          });
      if (errors.isEmpty() && !ContactAttributes.fit(attributes)) {
        errors.add(
            new FieldError(
                prefix + "attributes",
                "must fit in 30,000 characters (backslashes and line breaks count twice)"));
      }
    }
    return errors;
  }

  public Map<String, String> attributesOrEmpty() {
    return attributes == null ? Map.of() : attributes;
  }

  public String cleanName() {
    return name == null || name.isBlank() ? null : name.strip().replaceAll("[\\p{Cntrl}]+", " ");
  }
}
