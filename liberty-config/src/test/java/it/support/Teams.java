package it.support;

import java.util.Arrays;
import java.util.Map;

/** Follow-up teams created through the API for a test's own routing. */
public final class Teams {
  private Teams() {}

  /**
   * @param name made unique with {@link Names#unique}
   * @return the new team's id
   */
  public static String create(ApiClient manager, String name, StaffMember... members) {
    return manager
        .postJson(
            "/api/followup/teams",
            Map.of(
                "name",
                Names.unique(name),
                "members",
                Arrays.stream(members).map(StaffMember::username).toList()))
        .expectStatus(201)
        .json()
        .getString("id");
  }
}
