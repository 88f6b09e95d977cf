package dev.verbatim.survey.internal.infrastructure;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a bounce: an RFC 3464 delivery status notification (multipart/report with a
 * message/delivery-status part), or the common non-standard reports that merely contain its fields
 * ({@code Final-Recipient}, {@code Original-Recipient}, {@code Action}, {@code Status}) in text.
 * The original Message-ID comes from the returned message or headers when present.
 *
 * @param recipient the address that failed
 * @param status the enhanced status code (e.g. 5.1.1), or null
 * @param action failed, delayed, delivered... or null
 * @param originalMessageId Message-ID of the mail that bounced, or null
 * @param diagnostic the remote server's words, or null
 */
public record DeliveryStatusReport(
    String recipient, String status, String action, String originalMessageId, String diagnostic) {

  private static final Pattern FINAL_RECIPIENT =
      Pattern.compile(
          "(?im)^Final-Recipient:\\s*(?:[a-z0-9-]+\\s*;)?\\s*<?([^\\s<>;]+@[^\\s<>;]+)>?");
  private static final Pattern ORIGINAL_RECIPIENT =
      Pattern.compile(
          "(?im)^Original-Recipient:\\s*(?:[a-z0-9-]+\\s*;)?\\s*<?([^\\s<>;]+@[^\\s<>;]+)>?");
  private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*([a-z]+)");
  private static final Pattern STATUS =
      Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
  private static final Pattern DIAGNOSTIC =
      Pattern.compile("(?im)^Diagnostic-Code:\\s*(?:[a-z0-9-]+\\s*;)?\\s*(.+)$");
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");
  private static final int MAX_TEXT = 200_000;

  /** A permanent failure: the address must not be mailed again. */
  public boolean permanent() {
    return (status != null && status.startsWith("5"))
        || (status == null && "failed".equalsIgnoreCase(action));
  }

  /** Empty when the message is not a bounce report naming a recipient. */
  public static Optional<DeliveryStatusReport> read(MimeMessage message) {
    try {
      StringBuilder statusText = new StringBuilder();
      StringBuilder otherText = new StringBuilder();
      collect(message, statusText, otherText, 0);
      String fields = statusText.length() > 0 ? statusText.toString() : otherText.toString();
      String recipient = first(FINAL_RECIPIENT, fields);
      if (recipient == null) {
        recipient = first(ORIGINAL_RECIPIENT, fields);
      }
      String status = first(STATUS, fields);
      String action = first(ACTION, fields);
      if (recipient == null || (status == null && action == null)) {
        return Optional.empty();
      }
      String diagnostic = first(DIAGNOSTIC, fields);
      return Optional.of(
          new DeliveryStatusReport(
              recipient.toLowerCase(Locale.ROOT),
              status,
              action == null ? null : action.toLowerCase(Locale.ROOT),
              first(MESSAGE_ID, otherText.toString()),
              diagnostic == null ? null : diagnostic.strip()));
    } catch (MessagingException | IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Delivery-status parts go to {@code status}; everything else textual (returned headers, the
   * human-readable part) to {@code other}, with the top message's own headers left out so its own
   * Message-ID is never taken for the original's.
   */
  private static void collect(Part part, StringBuilder status, StringBuilder other, int depth)
      throws MessagingException, IOException {
    if (depth > 5 || other.length() > MAX_TEXT) {
      return;
    }
    String type = part.getContentType() == null ? "text/plain" : part.getContentType();
    String lower = type.toLowerCase(Locale.ROOT);
    if (lower.startsWith("multipart/")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, status, other, depth + 1);
      }
    } else if (lower.startsWith("message/delivery-status")
        || lower.startsWith("message/global-delivery-status")) {
      status.append(raw(part)).append('\n');
    } else if (lower.startsWith("message/rfc822")
        || lower.startsWith("text/rfc822-headers")
        || lower.startsWith("message/global-headers")) {
      other.append(raw(part)).append('\n');
    } else if (lower.startsWith("text/")) {
      Object content = part.getContent();
      other.append(content instanceof String s ? s : raw(part)).append('\n');
    }
  }

  private static String raw(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readNBytes(MAX_TEXT), StandardCharsets.UTF_8);
    }
  }

  private static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1).strip() : null;
  }
}
