package dev.verbatim.followup.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what a mail client appended below the customer's new words: {@code >} quotes, "On … wrote:"
 * headers (Gmail, Apple Mail, also German and French), Outlook's "Original Message" and "From: …
 * Sent: …" blocks, and the signature after "-- ". If nothing is left, the whole text is kept: a
 * customer's words are never thrown away.
 */
public final class QuotedHistory {
  private static final Pattern ON_WROTE =
      Pattern.compile(
          "(?i)^(On|Am|Le|El|Op)\\s.{4,300}(wrote|schrieb|a écrit|escribió|schreef)\\b.{0,200}:\\s*$");
  private static final Pattern ON_START = Pattern.compile("(?i)^(On|Am|Le|El|Op)\\s.+");
  private static final Pattern ORIGINAL_MESSAGE =
      Pattern.compile(
          "(?i)^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\\s*-{2,}\\s*$");
  private static final Pattern HEADER_FROM =
      Pattern.compile("(?i)^\\*?(From|Von|De)\\s*:\\*?\\s.*");
  private static final Pattern HEADER_SENT =
      Pattern.compile("(?i)^\\*?(Sent|Date|Gesendet|Envoyé)\\s*:\\*?\\s.*");
  private static final Pattern UNDERSCORES = Pattern.compile("^_{10,}\\s*$");
  private static final Pattern SENT_FROM_DEVICE =
      Pattern.compile("(?i)^Sent from my (iPhone|iPad|Android|phone|mobile).*|^Get Outlook for .*");

  private QuotedHistory() {}

  public static String strip(String text) {
    if (text == null) {
      return "";
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (startsHistory(lines, i) || line.equals("-- ") || line.equals("--")) {
        break;
      }
      if (trimmed.startsWith(">")) {
        continue;
      }
      kept.add(line.stripTrailing());
    }
    while (!kept.isEmpty()
        && (kept.get(kept.size() - 1).isBlank()
            || SENT_FROM_DEVICE.matcher(kept.get(kept.size() - 1).strip()).matches())) {
      kept.remove(kept.size() - 1);
    }
    String result = String.join("\n", kept).strip();
    return result.isEmpty() ? text.strip() : result;
  }

  private static boolean startsHistory(String[] lines, int i) {
    String line = lines[i].strip();
    if (ON_WROTE.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()) {
      return true;
    }
    // Gmail wraps a long "On …, Name <address> wrote:" over two lines.
    if (ON_START.matcher(line).matches()
        && i + 1 < lines.length
        && ON_WROTE.matcher(line + " " + lines[i + 1].strip()).matches()) {
      return true;
    }
    if (UNDERSCORES.matcher(line).matches() && i + 1 < lines.length) {
      return HEADER_FROM.matcher(lines[i + 1].strip()).matches();
    }
    if (HEADER_FROM.matcher(line).matches()) {
      for (int j = i + 1; j < Math.min(i + 4, lines.length); j++) {
        if (HEADER_SENT.matcher(lines[j].strip()).matches()) {
          return true;
        }
      }
    }
    return false;
  }
}
