package dev.verbatim.platform.internal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error answer for requests Liberty refuses before any resource runs, such as a path with an
 * encoded dot or NUL ({@code /api/cases/%2e%2e}): web.xml sends them here. Without it the server's
 * own page answered, with a Java stack trace. The API gets problem+json, people the error page.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {
  static final String PATH = "/container-error";
  private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number && number >= 400 ? number : 500;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "" : uri.toString();
    String title;
    String detail;
    if (status >= 500) {
      String incident = UUID.randomUUID().toString().substring(0, 8);
      LOG.log(
          Level.SEVERE,
          "Unexpected failure before the application, incident " + incident,
          (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
      title = "Something went wrong";
      detail =
          "Nothing was saved. Please try again; if it keeps happening, quote incident "
              + incident
              + ".";
    } else if (status == 400) {
      title = "Bad request";
      detail = "This address could not be read: it contains characters that are not allowed.";
    } else {
      title = "Error";
      detail = "This request could not be answered.";
    }
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (path.startsWith("/api/")) {
      response.setContentType("application/problem+json");
      response.getWriter().write(ProblemResponses.json(status, title, detail, List.of()));
    } else {
      response.setContentType("text/html");
      response.getWriter().write(ErrorPage.render(status, title, detail, List.of()));
    }
  }
}
