package dev.verbatim.platform.api;

/**
 * Renders mail bodies from classpath Mustache templates ({@code templates/<name>.mustache}): {@link
 * #html} escapes every value, {@link #text} writes values as they are (plain text has no markup).
 */
public interface MailTemplates {

  String html(String template, Object model);

  String text(String template, Object model);
}
