package it.support;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A staff account created for one test class through the admin API, with the password to log in.
 */
public record StaffMember(
    String id, String username, String email, String displayName, String password) {

  /** {@code POST /api/users} as the admin; asserts 201. Names are unique per run. */
  public static StaffMember create(ApiClient admin, String role, String displayName) {
    String username = Names.unique(role);
    String email = username + "@staff.example.com";
    String password = "pw-" + Names.suffix() + "-long-enough";
    JsonObject created =
        admin
            .postJson(
                "/api/users",
                Map.of(
                    "username",
                    username,
                    "email",
                    email,
                    "displayName",
                    displayName,
                    "password",
                    password,
                    "roles",
                    List.of(role)))
            .expectStatus(201)
            .json();
    return new StaffMember(created.getString("id"), username, email, displayName, password);
  }

  public ApiClient logIn() {
    return ApiClient.logIn(username, password);
  }
}
