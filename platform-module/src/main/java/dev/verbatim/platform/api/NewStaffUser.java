package dev.verbatim.platform.api;

import java.util.Set;

/** What it takes to create a staff account. */
public record NewStaffUser(
    String username, String email, String displayName, String password, Set<String> roles) {}
