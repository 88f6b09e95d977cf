package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.domain.HtmlText;
import dev.verbatim.followup.internal.domain.InboundMail;
import dev.verbatim.followup.internal.domain.ReplyAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a received message into an {@link InboundMail}. Every header and part is read on its own
 * and a broken one is replaced by what can be salvaged, so a malformed mail still arrives (at the
 * worst, in triage) instead of stopping the poller.
 */
@ApplicationScoped
public class InboundMessageReader {
  private static final Logger LOG = Logger.getLogger(InboundMessageReader.class.getName());
  private static final int MAX_READ = 200_000;

  public InboundMail read(Message message) {
    List<String> recipients = new ArrayList<>();
    for (String name : List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")) {
      recipients.addAll(headers(message, name));
    }
    List<String> references = new ArrayList<>(headers(message, "In-Reply-To"));
    references.addAll(headers(message, "References"));
    String messageId = headers(message, "Message-ID").stream().findFirst().orElse(null);
    return new InboundMail(
        messageId == null ? null : messageId.strip(),
        sender(message),
        subject(message),
        recipients,
        ReplyAddress.messageIds(references),
        body(message));
  }

  private static List<String> headers(Message message, String name) {
    try {
      String[] values = message.getHeader(name);
      if (values == null) {
        return List.of();
      }
      List<String> decoded = new ArrayList<>();
      for (String value : values) {
        decoded.add(decode(value));
      }
      return decoded;
    } catch (MessagingException | RuntimeException e) {
      return List.of();
    }
  }

  private static String decode(String value) {
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(value));
    } catch (IOException | RuntimeException e) {
      return value;
    }
  }

  private static String sender(Message message) {
    try {
      Address[] from = message.getFrom();
      if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
        return address.getAddress();
      }
    } catch (MessagingException | RuntimeException e) {
      // A malformed From: keep the raw header below.
    }
    return headers(message, "From").stream().findFirst().map(String::strip).orElse(null);
  }

  private static String subject(Message message) {
    try {
      return message.getSubject();
    } catch (MessagingException | RuntimeException e) {
      return headers(message, "Subject").stream().findFirst().orElse(null);
    }
  }

  private static String body(Message message) {
    Body body = new Body();
    try {
      body.collect(message, 0);
    } catch (MessagingException | IOException | RuntimeException e) {
      LOG.log(Level.FINE, "unreadable MIME structure, keeping the raw body", e);
      body.plain.add(raw(message));
    }
    return body.joined();
  }

  private static String raw(Message message) {
    try {
      if (message instanceof MimeMessage mime) {
        try (InputStream in = mime.getRawInputStream()) {
          return "[the mail could not be decoded; its raw content follows]\n"
              + new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
        }
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      LOG.log(Level.FINE, "no raw body either", e);
    }
    return "[the mail could not be decoded]";
  }

  /** The readable text of a message: plain text preferred, HTML converted, attachments noted. */
  private static final class Body {
    final List<String> plain = new ArrayList<>();
    final List<String> attachments = new ArrayList<>();

    void collect(Part part, int depth) throws MessagingException, IOException {
      if (depth > 10) {
        return;
      }
      String type = contentType(part);
      String fileName = fileName(part);
      boolean attachment =
          Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(part)) || fileName != null;
      if (type.startsWith("multipart/")) {
        Object content = part.getContent();
        if (!(content instanceof Multipart multipart)) {
          plain.add(text(part));
          return;
        }
        if (type.startsWith("multipart/alternative")) {
          collectAlternative(multipart, depth);
        } else {
          for (int i = 0; i < multipart.getCount(); i++) {
            collect(multipart.getBodyPart(i), depth + 1);
          }
        }
      } else if (attachment || !type.startsWith("text/")) {
        attachments.add(fileName == null ? type : fileName);
      } else if (type.startsWith("text/html")) {
        plain.add(HtmlText.toText(text(part)));
      } else {
        plain.add(text(part));
      }
    }

    private void collectAlternative(Multipart multipart, int depth)
        throws MessagingException, IOException {
      Part best = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        Part candidate = multipart.getBodyPart(i);
        String type = contentType(candidate);
        if (type.startsWith("text/plain")) {
          best = candidate;
          break;
        }
        if (best == null || type.startsWith("text/html")) {
          best = candidate;
        }
      }
      if (best != null) {
        collect(best, depth + 1);
      }
    }

    String joined() {
      StringBuilder out = new StringBuilder(String.join("\n\n", plain).strip());
      for (String name : attachments) {
        out.append(out.isEmpty() ? "" : "\n").append("[attachment: ").append(name).append(']');
      }
      return out.toString();
    }
  }

  private static String text(Part part) throws MessagingException, IOException {
    try {
      Object content = part.getContent();
      if (content instanceof String s) {
        return s.length() > MAX_READ ? s.substring(0, MAX_READ) : s;
      }
    } catch (IOException | RuntimeException e) {
      // An unknown charset: read the bytes as UTF-8 rather than lose the text.
    }
    try (InputStream in = part.getInputStream()) {
      return new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8);
    }
  }

  private static String contentType(Part part) {
    try {
      String type = part.getContentType();
      return type == null ? "text/plain" : type.toLowerCase(Locale.ROOT).strip();
    } catch (MessagingException | RuntimeException e) {
      return "text/plain";
    }
  }

  private static String safeDisposition(Part part) {
    try {
      return part.getDisposition();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static String fileName(Part part) {
    try {
      String name = part.getFileName();
      return name == null || name.isBlank() ? null : decode(name).replaceAll("[\\p{Cntrl}]", "");
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }
}
