package load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One customer answering the way a browser does: {@code GET /s/{token}} (the page), then a POST of
 * the form the page holds. The form's action and field names are read from the first page served
 * (the score is the first radio group, the comment the first text area); every later submission
 * reuses that shape. Thread-safe: one instance serves all clients of a run over one pooled {@link
 * HttpClient} (HTTP/1.1 keep-alive).
 */
public final class CustomerSubmission {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*\\smethod=\"post\"[^>]*\\saction=\"([^\"]+)\"");
  private static final Pattern RADIO_NAME =
      Pattern.compile("<input[^>]*type=\"radio\"[^>]*name=\"([^\"]+)\"");
  private static final Pattern TEXTAREA_NAME = Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"");

  /** The form as read from the first page: action with the token as a placeholder. */
  record FormShape(String actionTemplate, String scoreField, String commentField) {
    String action(String token) {
      return actionTemplate.replace("{token}", token);
    }
  }

  private final HttpClient http;
  private final String baseUrl;
  private final int commentEvery;
  private final AtomicReference<FormShape> shape = new AtomicReference<>();

  /**
   * @param baseUrl the server, e.g. {@code http://localhost:9280} (loopback only)
   * @param commentEvery every n-th submission (by token) carries a comment, so a case; 1: all, 0:
   *     none
   */
  public CustomerSubmission(String baseUrl, int commentEvery) {
    this(newHttpClient(), baseUrl, commentEvery);
  }

  public CustomerSubmission(HttpClient http, String baseUrl, int commentEvery) {
    this.http = http;
    this.baseUrl = LoopbackOnly.check(baseUrl);
    this.commentEvery = commentEvery;
  }

  /** An HTTP/1.1 client that keeps connections, sends no cookies and follows no redirects. */
  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /**
   * GET the page, POST the answers. The outcome's status is the POST's (acknowledged: 2xx/303), or
   * the page's when the page was not a 200; its time covers both requests.
   */
  public Outcome submit(String token) {
    long start = System.nanoTime();
    try {
      FormShape form = shape.get();
      String page = "/s/" + token;
      if (form == null) {
        HttpResponse<String> answer =
            http.send(get(page), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
          return new Outcome(answer.statusCode(), System.nanoTime() - start);
        }
        form = readForm(answer.body(), token);
        shape.compareAndSet(null, form);
      } else {
        HttpResponse<Void> answer = http.send(get(page), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
          return new Outcome(answer.statusCode(), System.nanoTime() - start);
        }
      }
      HttpResponse<Void> posted =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + form.action(token)))
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body(form, token)))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return new Outcome(posted.statusCode(), System.nanoTime() - start);
    } catch (IOException e) {
      return new Outcome(Outcome.IO_ERROR, System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(Outcome.IO_ERROR, System.nanoTime() - start);
    }
  }

  /** The score (0–10, spread by token) and, for every {@code commentEvery}-th token, a comment. */
  String body(FormShape form, String token) {
    int hash = token.hashCode() & 0x7fffffff;
    StringBuilder body = new StringBuilder();
    body.append(encode(form.scoreField())).append('=').append(hash % 11);
    if (form.commentField() != null && commentEvery > 0 && hash % commentEvery == 0) {
      body.append('&')
          .append(encode(form.commentField()))
          .append('=')
          .append(encode("Load test comment " + (hash % 97) + ": delivery was late again."));
    }
    return body.toString();
  }

  static FormShape readForm(String html, String token) {
    Matcher action = FORM_ACTION.matcher(html);
    Matcher radio = RADIO_NAME.matcher(html);
    if (!action.find() || !radio.find()) {
      throw new IllegalStateException("the survey page has no form with a score:\n" + html);
    }
    Matcher textarea = TEXTAREA_NAME.matcher(html);
    String template = action.group(1).replace(token, "{token}");
    return new FormShape(template, radio.group(1), textarea.find() ? textarea.group(1) : null);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET().build();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
