package dev.verbatim.reporting.internal.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal data inside a customer's comment before a report shows or exports it; the stored
 * comment stays as the customer wrote it.
 *
 * <ul>
 *   <li><b>Card numbers</b>: 13 to 19 digits, optionally in groups separated by single spaces or
 *       dashes, that pass the Luhn check, become {@code [card ••1234]}. A digit run that fails Luhn
 *       (an order or tracking number) is left alone.
 *   <li><b>Email addresses</b> become {@code [email]}.
 *   <li><b>Phone numbers</b> become {@code [phone ••89]}. Phone numbers have no checksum, so the
 *       rule is deliberately conservative: 7 to 15 digits that either start with {@code +} or
 *       {@code 00} (international), or have a bracketed area code, or are written in at least two
 *       groups separated by spaces, dashes or dots (US {@code 555-123-4567}, EU {@code 030 1234
 *       5678}). A bare run of digits without a plus ({@code 123456789}) is read as an order or
 *       reference number and kept; so are dates ({@code 2024-05-01}, {@code 01.05.2024}, any groups
 *       shaped day-month-year or year-month-day), numbers glued to letters, {@code #} or {@code /}
 *       ({@code ORD-2024-118833}, {@code #12-345-678}), and decimals.
 * </ul>
 */
public final class PersonalDataMask {
  private static final Pattern CARD =
      Pattern.compile("(?<![\\w#/.,-])\\d(?:[ -]?\\d){12,18}(?![\\w/-])");
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w#/.,+-])(?:(?:\\+|00)\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{1,8}(?:[ .-]\\d{1,8}){0,5}(?![\\w/]|[.,-]\\d)");
  private static final Pattern DATE =
      Pattern.compile("\\d{4}[ .-]\\d{1,2}[ .-]\\d{1,2}|\\d{1,2}[ .-]\\d{1,2}[ .-]\\d{2,4}");

  private PersonalDataMask() {}

  /** The comment with card numbers, email addresses and phone numbers replaced; null stays null. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return maskPhones(maskEmails(maskCards(text)));
  }

  /** Whether the text contains anything {@link #mask} would hide. */
  public static boolean containsPersonalData(String text) {
    return text != null && !mask(text).equals(text);
  }

  static String maskCards(String text) {
    return replace(
        CARD,
        text,
        match -> {
          String digits = match.replaceAll("[ -]", "");
          return digits.length() >= 13 && digits.length() <= 19 && passesLuhn(digits)
              ? "[card ••" + digits.substring(digits.length() - 4) + "]"
              : null;
        });
  }

  static String maskEmails(String text) {
    return replace(EMAIL, text, match -> "[email]");
  }

  static String maskPhones(String text) {
    return replace(
        PHONE,
        text,
        match -> {
          String digits = match.replaceAll("\\D", "");
          if (digits.length() < 7 || digits.length() > 15) {
            return null;
          }
          boolean international = match.startsWith("+") || match.startsWith("00");
          boolean areaCode = match.contains("(");
          boolean grouped = match.matches(".*\\d[ .-]\\d.*");
          if (!international && !areaCode && !grouped) {
            return null;
          }
          if (!international && !areaCode && DATE.matcher(match).matches()) {
            return null;
          }
          return "[phone ••" + digits.substring(digits.length() - 2) + "]";
        });
  }

  /** The Luhn (mod 10) check that every payment card number passes. */
  public static boolean passesLuhn(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return !digits.isEmpty() && sum % 10 == 0;
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<String, String> replacement) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String masked = replacement.apply(m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(masked == null ? m.group() : masked));
    }
    m.appendTail(out);
    return out.toString();
  }
}
