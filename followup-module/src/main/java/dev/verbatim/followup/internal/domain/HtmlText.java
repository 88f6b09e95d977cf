package dev.verbatim.followup.internal.domain;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTML-only mail as plain text: tags stripped, entities decoded, line breaks kept, and
 * {@code <blockquote>} content marked with {@code >} so that quote stripping can remove it.
 */
public final class HtmlText {
  private static final String QUOTE_START = "\u0001";
  private static final String QUOTE_END = "\u0002";
  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(head|style|script|title)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
  private static final Pattern BLOCK_END =
      Pattern.compile(
          "(?i)</(p|div|li|tr|h[1-6]|table|ul|ol|pre)\\s*>|<(p|div|tr|table|hr)\\b[^>]*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("hellip", "…"),
          Map.entry("rsquo", "’"),
          Map.entry("lsquo", "‘"),
          Map.entry("rdquo", "”"),
          Map.entry("ldquo", "“"),
          Map.entry("eacute", "é"),
          Map.entry("euro", "€"),
          Map.entry("copy", "©"));

  private HtmlText() {}

  public static String toText(String html) {
    if (html == null) {
      return "";
    }
    String s = INVISIBLE.matcher(html).replaceAll("");
    s = s.replaceAll("\\s+", " ");
    s = s.replaceAll("(?i)<blockquote\\b[^>]*>", "\n" + QUOTE_START + "\n");
    s = s.replaceAll("(?i)</blockquote\\s*>", "\n" + QUOTE_END + "\n");
    s = LINE_BREAK.matcher(s).replaceAll("\n");
    s = LIST_ITEM.matcher(s).replaceAll("\n- ");
    s = BLOCK_END.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    s = decodeEntities(s);
    return quoteAndTidy(s);
  }

  static String decodeEntities(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String decoded;
      if (name.startsWith("#")) {
        try {
          int code =
              name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                  ? Integer.parseInt(name.substring(2), 16)
                  : Integer.parseInt(name.substring(1));
          decoded = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
        } catch (NumberFormatException e) {
          decoded = m.group();
        }
      } else {
        decoded = NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(decoded));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String quoteAndTidy(String s) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    int blankRun = 0;
    for (String raw : s.split("\n", -1)) {
      String line = raw.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").strip();
      if (line.equals(QUOTE_START)) {
        depth++;
        continue;
      }
      if (line.equals(QUOTE_END)) {
        depth = Math.max(depth - 1, 0);
        continue;
      }
      if (line.isEmpty()) {
        blankRun++;
        if (blankRun > 1) {
          continue;
        }
      } else {
        blankRun = 0;
      }
      out.append("> ".repeat(depth)).append(line).append('\n');
    }
    return out.toString().strip();
  }
}
