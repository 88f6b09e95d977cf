package dev.verbatim.survey.api;

import java.util.Map;

public record ContactView(String id, String email, String name, Map<String, String> attributes) {

  public String displayName() {
    return name == null || name.isBlank() ? email : name;
  }
}
