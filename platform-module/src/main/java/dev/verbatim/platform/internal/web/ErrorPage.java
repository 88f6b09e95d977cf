package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.FieldError;
import java.util.List;

/**
 * A self-contained error page (no template engine needed, so it works even when rendering failed).
 */
final class ErrorPage {
  private ErrorPage() {}

  static String render(int status, String title, String detail, List<FieldError> errors) {
    StringBuilder items = new StringBuilder();
    if (errors != null) {
      for (FieldError error : errors) {
        items
            .append("<li><strong>")
            .append(escape(error.field()))
            .append("</strong>: ")
            .append(escape(error.message()))
            .append("</li>");
      }
    }
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + " - Verbatim</title><link rel=\"stylesheet\" href=\"/static/verbatim.css\"></head>"
        + "<body class=\"public\"><main class=\"card\"><h1>"
        + escape(title)
        + "</h1><p>"
        + escape(detail)
        + "</p>"
        + (items.length() > 0 ? "<ul class=\"errors\">" + items + "</ul>" : "")
        + "<p class=\"muted\">Error "
        + status
        + "</p></main></body></html>";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
