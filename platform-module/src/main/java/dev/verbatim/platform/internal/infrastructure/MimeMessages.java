package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.internal.domain.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;

/**
 * Turns an outbox row into a MIME message: multipart/alternative (text + HTML), stable Message-ID,
 * threading headers.
 */
@ApplicationScoped
public class MimeMessages {
  private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";

  @Inject MailSettings settings;

  public MimeMessage build(Session session, OutboxMessage row) throws MessagingException {
    MimeMessage message = new StableIdMessage(session, row.messageId());
    try {
      String from = row.senderName() == null ? settings.fromName() : row.senderName();
      message.setFrom(new InternetAddress(settings.fromAddress(), from, "UTF-8"));
      message.setRecipient(
          Message.RecipientType.TO,
          new InternetAddress(row.recipient(), row.recipientName(), "UTF-8"));
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 not supported", e);
    }
    message.setSubject(row.subject(), "UTF-8");
    message.setSentDate(new Date());
    if (row.replyTo() != null) {
      message.setReplyTo(InternetAddress.parse(row.replyTo()));
    }
    if (row.inReplyTo() != null) {
      message.setHeader("In-Reply-To", row.inReplyTo());
      message.setHeader("References", row.inReplyTo());
    }
    message.setHeader("X-Verbatim-Kind", row.kind());
    if (row.unsubscribeUrl() != null) {
      // RFC 8058: the https link accepts a POST without further confirmation. No mailto: nothing
      // reads the sender's mailbox, so it would be a promise not kept.
      message.setHeader("List-Unsubscribe", "<" + row.unsubscribeUrl() + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    if (row.htmlBody() == null) {
      message.setText(row.textBody(), "UTF-8");
      message.setHeader(TRANSFER_ENCODING, transferEncoding(row.textBody()));
    } else {
      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(row.textBody(), "UTF-8");
      text.setHeader(TRANSFER_ENCODING, transferEncoding(row.textBody()));
      MimeBodyPart html = new MimeBodyPart();
      html.setText(row.htmlBody(), "UTF-8", "html");
      html.setHeader(TRANSFER_ENCODING, transferEncoding(row.htmlBody()));
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      message.setContent(alternative);
    }
    message.saveChanges();
    return message;
  }

  /**
   * 7bit when every character is ASCII and no line is longer than SMTP allows (998 octets), else
   * quoted-printable (safe for any UTF-8 text). Decided from the string here because Jakarta Mail,
   * left to choose, encodes the whole body once more just to look at it (a tenth of the outbox
   * drain's CPU).
   */
  static String transferEncoding(String body) {
    int lineLength = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\n') {
        lineLength = 0;
      } else if (c >= 0x80
          || c == 0
          || (c == '\r' && next(body, i) != '\n')
          || ++lineLength > 998) {
        return "quoted-printable";
      }
    }
    return "7bit";
  }

  private static char next(String body, int i) {
    return i + 1 < body.length() ? body.charAt(i + 1) : 0;
  }

  /** Keeps the Message-ID chosen at enqueue time, so a resend is recognisably the same message. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
