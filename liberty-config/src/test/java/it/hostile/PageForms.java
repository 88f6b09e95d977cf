package it.hostile;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.ItEnvironment;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The forms a person can submit, found the way a person finds them: by crawling the staff pages as
 * a logged-in user (and reading the customer pages), collecting every {@code <form>}.
 */
public final class PageForms {
  private static final int MAX_PAGES = 80;
  private static final int PAGES_PER_SHAPE = 2;

  /** One field as the page offers it: its name, input type, value and choices. */
  public record Field(String name, String type, String value, List<String> options) {}

  /** A form: the page it was on, where and how it posts, and its fields. */
  public record Form(
      String page, String action, String method, String enctype, List<Field> fields) {
    /** The action with ids replaced, to count distinct forms rather than one per case. */
    public String shape() {
      return method + " " + PageForms.shape(action.replaceAll("\\?.*", ""));
    }

    public Map<String, String> defaults() {
      Map<String, String> values = new LinkedHashMap<>();
      for (Field f : fields) {
        if (f.type().equals("checkbox") || f.type().equals("radio")) {
          values.putIfAbsent(f.name(), f.value().isEmpty() ? "on" : f.value());
        } else if (!f.options().isEmpty()) {
          values.put(f.name(), f.options().get(0));
        } else {
          values.put(f.name(), f.value());
        }
      }
      return values;
    }
  }

  private PageForms() {}

  /** Crawls {@code /app} as {@code staff}: every distinct form, one per shape. */
  public static List<Form> crawlStaffPages(ApiClient staff, List<String> extraStartPages) {
    Deque<String> queue = new ArrayDeque<>();
    queue.add("/app");
    queue.addAll(extraStartPages);
    Set<String> seen = new LinkedHashSet<>();
    Map<String, Integer> perShape = new HashMap<>();
    Map<String, Form> forms = new LinkedHashMap<>();
    while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
      String page = queue.poll();
      if (!seen.add(page) || perShape.merge(shape(page), 1, Integer::sum) > PAGES_PER_SHAPE) {
        continue;
      }
      ApiResponse response = staff.get(page);
      if (response.status() != 200 || !response.contentType().startsWith("text/html")) {
        continue;
      }
      Document document = Jsoup.parse(response.body(), ItEnvironment.baseUrl() + page);
      for (Element link : document.select("a[href]")) {
        String path = localPath(link.absUrl("href"));
        if (path != null
            && path.startsWith("/app")
            && !path.contains("logout")
            && !path.endsWith(".csv")
            && !path.contains("export")) {
          queue.add(path);
        }
      }
      for (Form form : formsOn(page, document)) {
        forms.putIfAbsent(form.shape(), form);
      }
    }
    return new ArrayList<>(forms.values());
  }

  /** The forms on one page (a customer page, say). */
  public static List<Form> formsOn(String page, Document document) {
    List<Form> found = new ArrayList<>();
    for (Element form : document.select("form")) {
      String action = localPath(form.absUrl("action"));
      if (action == null) {
        action = page;
      }
      List<Field> fields = new ArrayList<>();
      for (Element input : form.select("input[name], textarea[name], select[name]")) {
        String type =
            input.tagName().equals("input")
                ? input.attr("type").toLowerCase(Locale.ROOT)
                : input.tagName();
        List<String> options =
            input.tagName().equals("select")
                ? input.select("option").stream().map(o -> o.attr("value")).toList()
                : List.of();
        String value = input.tagName().equals("textarea") ? input.text() : input.attr("value");
        if (type.equals("submit") || type.equals("button")) {
          continue;
        }
        fields.add(new Field(input.attr("name"), type.isEmpty() ? "text" : type, value, options));
      }
      found.add(
          new Form(
              page,
              action,
              form.attr("method").isEmpty() ? "GET" : form.attr("method").toUpperCase(Locale.ROOT),
              form.attr("enctype").isEmpty()
                  ? "application/x-www-form-urlencoded"
                  : form.attr("enctype"),
              List.copyOf(fields)));
    }
    return found;
  }

  public static Document parse(String page, String html) {
    return Jsoup.parse(html, ItEnvironment.baseUrl() + page);
  }

  /** A path on this server (with query), or null for another site. */
  static String localPath(String absolute) {
    if (absolute == null || !absolute.startsWith(ItEnvironment.baseUrl() + "/")) {
      return null;
    }
    URI uri = URI.create(absolute.replace(" ", "%20"));
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  static String shape(String path) {
    return path.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
        .replaceAll("/[A-Za-z0-9_-]{43}", "/{token}")
        .replaceAll("/(root-causes|owners)/[^/]+/", "/$1/{name}/")
        .replaceAll("\\?.*", "");
  }
}
