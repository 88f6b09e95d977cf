package it.support;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message as GreenMail received it, decoded: subject, MIME structure, text and HTML bodies. */
public record ReceivedMail(
    List<String> to,
    String subject,
    String contentType,
    List<String> partTypes,
    String text,
    String html) {

  /** A personal survey link: the base URL, /s/ and a 43-character URL-safe token. */
  public static final Pattern SURVEY_LINK =
      Pattern.compile(
          Pattern.quote(ItEnvironment.baseUrl()) + "/s/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

  /** A link to a case in the staff app. */
  public static final Pattern CASE_LINK =
      Pattern.compile(Pattern.quote(ItEnvironment.baseUrl()) + "/app/cases/([0-9a-f-]{36})");

  static ReceivedMail of(MimeMessage message) {
    try {
      List<String> to = new ArrayList<>();
      Address[] recipients = message.getAllRecipients();
      for (Address address : recipients == null ? new Address[0] : recipients) {
        to.add(((InternetAddress) address).getAddress().toLowerCase(Locale.ROOT));
      }
      List<String> partTypes = new ArrayList<>();
      String text = null;
      String html = null;
      Object content = message.getContent();
      if (content instanceof MimeMultipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart part = multipart.getBodyPart(i);
          String type = part.getContentType().toLowerCase(Locale.ROOT);
          partTypes.add(type.split(";")[0].strip());
          if (type.startsWith("text/plain")) {
            text = (String) part.getContent();
          } else if (type.startsWith("text/html")) {
            html = (String) part.getContent();
          }
        }
      } else if (content instanceof String body) {
        text = body;
      }
      return new ReceivedMail(
          List.copyOf(to),
          message.getSubject(),
          message.getContentType(),
          List.copyOf(partTypes),
          text,
          html);
    } catch (MessagingException | IOException e) {
      throw new AssertionError("could not read a received message", e);
    }
  }

  public boolean isTo(String address) {
    return to.contains(address.toLowerCase(Locale.ROOT));
  }

  /** The survey link in the plain-text part. */
  public String surveyLinkInText() {
    return find(SURVEY_LINK, text, "survey link in the text part");
  }

  /** The survey link in the HTML part. */
  public String surveyLinkInHtml() {
    return find(SURVEY_LINK, html, "survey link in the HTML part");
  }

  public String caseLinkInText() {
    return find(CASE_LINK, text, "case link in the text part");
  }

  public String caseLinkInHtml() {
    return find(CASE_LINK, html, "case link in the HTML part");
  }

  /** Every distinct survey link in the part, to show a message carries exactly one. */
  public List<String> allSurveyLinksIn(String body) {
    Matcher m = SURVEY_LINK.matcher(body == null ? "" : body);
    List<String> links = new ArrayList<>();
    while (m.find()) {
      if (!links.contains(m.group())) {
        links.add(m.group());
      }
    }
    return links;
  }

  private String find(Pattern pattern, String body, String what) {
    Matcher m = pattern.matcher(body == null ? "" : body);
    if (!m.find()) {
      throw new AssertionError("no " + what + " in mail '" + subject + "' to " + to + ":\n" + body);
    }
    return m.group();
  }

  @Override
  public String toString() {
    return "mail to " + to + " '" + subject + "' " + contentType + " parts " + partTypes;
  }

  static String describe(MimeMessage[] messages) {
    return Arrays.stream(messages).map(m -> "  " + of(m)).reduce("", (a, b) -> a + "\n" + b);
  }
}
