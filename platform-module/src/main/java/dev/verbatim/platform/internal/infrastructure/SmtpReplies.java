package dev.verbatim.platform.internal.infrastructure;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SMTP failure: a 5xx reply (or enhanced status 5.x.x) is permanent, a 4xx reply is
 * temporary. The reply code is taken from the Jakarta Mail implementation's {@code getReturnCode()}
 * when it has one, else from the reply text.
 */
final class SmtpReplies {
  private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([245])\\d\\d\\b");
  private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.\\d{1,3}\\.\\d{1,3}\\b");

  private SmtpReplies() {}

  /**
   * @param permanent retrying cannot help
   * @param recipientRefused the server refused this recipient for good: a hard bounce
   * @param reply the server's words
   */
  record Outcome(boolean permanent, boolean recipientRefused, String reply) {}

  static Outcome classify(MessagingException failure, String recipient) {
    int klass = replyClass(failure);
    boolean namesRecipient = refused(failure, recipient);
    boolean permanent = klass == 5 || (klass == 0 && namesRecipient);
    return new Outcome(permanent, permanent && namesRecipient, text(failure));
  }

  /** 5, 4 or 2 for the first reply code found in the exception chain; 0 when there is none. */
  static int replyClass(Throwable failure) {
    int found = 0;
    for (Throwable t = failure; t != null; t = next(t)) {
      int code = returnCode(t);
      if (code >= 400 && code < 600) {
        return code / 100;
      }
      String message = t.getMessage() == null ? "" : t.getMessage();
      Matcher reply = REPLY_CODE.matcher(message);
      if (reply.find() && !reply.group(1).equals("2")) {
        return Integer.parseInt(reply.group(1));
      }
      Matcher enhanced = ENHANCED.matcher(message);
      if (found == 0 && enhanced.find() && !enhanced.group(1).equals("2")) {
        found = Integer.parseInt(enhanced.group(1));
      }
    }
    return found;
  }

  private static boolean refused(MessagingException failure, String recipient) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof SendFailedException send && send.getInvalidAddresses() != null) {
        for (Address address : send.getInvalidAddresses()) {
          if (address
              .toString()
              .toLowerCase(Locale.ROOT)
              .contains(recipient.toLowerCase(Locale.ROOT))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static int returnCode(Throwable t) {
    try {
      Method getter = t.getClass().getMethod("getReturnCode");
      return getter.invoke(t) instanceof Integer code ? code : 0;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return 0;
    }
  }

  private static String text(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < 500; t = next(t)) {
      if (t.getMessage() != null && !text.toString().contains(t.getMessage().strip())) {
        text.append(text.length() == 0 ? "" : "; ").append(t.getMessage().strip());
      }
    }
    return text.toString();
  }
}
