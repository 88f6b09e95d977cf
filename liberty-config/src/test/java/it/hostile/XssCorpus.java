package it.hostile;

import java.util.List;

/**
 * Markup that runs script or injects elements when a page forgets to escape. Every payload that
 * would create an element gives it an id starting {@code xss-}, and every script sets {@code
 * window.__xss}, so a browser test can tell "shown as text" from "executed" without waiting for an
 * alert.
 */
public final class XssCorpus {
  private XssCorpus() {}

  /**
   * The corpus, each payload tagged with {@code tag} (letters and digits) so the test knows which
   * field it came from.
   */
  public static List<String> payloads(String tag) {
    String id = "xss-" + tag + "-";
    return List.of(
        "<script>window.__xss='" + tag + "';alert(1)</script>",
        "<img id=\"" + id + "1\" src=x onerror=\"window.__xss='" + tag + "';alert(1)\">",
        "\"><img id=\"" + id + "2\" src=x onerror=alert(2)>",
        "'><svg id=\"" + id + "3\" onload=\"window.__xss='" + tag + "'\"></svg>",
        "<iframe id=\""
            + id
            + "4\" srcdoc=\"&lt;script&gt;parent.__xss=1&lt;/script&gt;\"></iframe>",
        "<a id=\"" + id + "5\" href=\"javascript:window.__xss=1\">click me</a>",
        "javascript:window.__xss='" + tag + "'",
        "&#x3C;img id=&#x22;" + id + "6&#x22; src=x onerror=alert(6)&#x3E;",
        "%3Cimg%20id%3D%22" + id + "7%22%20src%3Dx%20onerror%3Dalert(7)%3E",
        "</textarea></title><b id=\"" + id + "8\">bold</b>",
        "{{{raw}}} {{=<% %>=}} <%raw%> <b id=\"" + id + "9\">{{x}}</b>",
        "<svg><style><img id=\"" + id + "10\" src=x onerror=alert(10)></style></svg>",
        "\" onmouseover=\"window.__xss=1\" autofocus onfocus=\"window.__xss=1\" x=\"",
        "<details id=\"" + id + "11\" open ontoggle=\"window.__xss=1\">");
  }

  /** The first payload: shortest, for fields with a small limit. */
  public static String element(String tag) {
    return "<img id=\"xss-" + tag + "\" src=x onerror=\"window.__xss='" + tag + "';alert(1)\">";
  }
}
