package dev.verbatim.platform.api;

/**
 * Renders a server-side page: a Mustache template from the classpath ({@code
 * templates/<name>.mustache}), HTML-escaped by default, wrapped in the staff or the public layout.
 */
public interface PageRenderer {

  /**
   * A staff page: navigation for the logged-in user and a CSRF token ({@code {{csrf}}}) for forms.
   */
  String staffPage(String template, String title, Object model);

  /** A customer-facing page: no navigation, no staff data, mobile-first. */
  String publicPage(String template, String title, Object model);
}
