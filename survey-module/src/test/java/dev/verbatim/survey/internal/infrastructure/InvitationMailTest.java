package dev.verbatim.survey.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mustachejava.DefaultMustacheFactory;
import dev.verbatim.platform.api.MailTemplates;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Survey;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InvitationMailTest {
  private static final String BASE = "https://survey.acme.example";
  private static final String TOKEN = "A".repeat(43);

  private final InvitationMail mail = new InvitationMail();

  InvitationMailTest() {
    mail.links = path -> BASE + path;
    mail.templates = new TestTemplates();
  }

  /** Mustache as the platform renders it (the HTML factory escapes; enough for these checks). */
  private static final class TestTemplates implements MailTemplates {
    private final DefaultMustacheFactory factory = new DefaultMustacheFactory("templates");

    @Override
    public String html(String template, Object model) {
      StringWriter out = new StringWriter();
      factory.compile(template + ".mustache").execute(out, model);
      return out.toString();
    }

    @Override
    public String text(String template, Object model) {
      return html(template, model);
    }
  }

  private static Survey survey(QuestionType first) {
    return new SurveyDraft(
            "How did we do?",
            "Two quick questions.",
            null,
            null,
            null,
            List.of(
                new SurveyDraft.QuestionDraft(
                    "first", first.name(), "How likely are you to recommend us?", true, null),
                new SurveyDraft.QuestionDraft("comment", "TEXT", "Why?", false, null)))
        .toSurvey(0L);
  }

  private static final Contact ANN = new Contact("c1", "ann@customer.example", "Ann", Map.of(), 0);

  private static List<String> scoreLinks(String body) {
    Matcher m =
        Pattern.compile(Pattern.quote(BASE + "/s/" + TOKEN + "/answer/") + "(\\d+)").matcher(body);
    List<String> scores = new java.util.ArrayList<>();
    while (m.find()) {
      if (!scores.contains(m.group(1))) {
        scores.add(m.group(1));
      }
    }
    return scores;
  }

  @Test
  void anNpsFirstQuestionIsAnswerableInBothPartsWithOneLinkPerScore() {
    OutboundMail invitation = mail.compose(survey(QuestionType.NPS), ANN, TOKEN);
    List<String> zeroToTen = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    assertThat(scoreLinks(invitation.textBody())).containsExactlyElementsOf(zeroToTen);
    assertThat(scoreLinks(invitation.htmlBody())).containsExactlyElementsOf(zeroToTen);
    assertThat(invitation.textBody())
        .contains("How likely are you to recommend us?")
        .contains("0 = Not at all likely, 10 = Extremely likely");
    assertThat(invitation.htmlBody()).contains("Not at all likely").contains("Extremely likely");
  }

  @Test
  void aCsatFirstQuestionOffersFiveLabelledScores() {
    OutboundMail invitation = mail.compose(survey(QuestionType.CSAT), ANN, TOKEN);
    assertThat(scoreLinks(invitation.textBody())).containsExactly("1", "2", "3", "4", "5");
    assertThat(invitation.textBody())
        .contains("1 (Very unsatisfied): ")
        .contains("5 (Very satisfied): ");
    assertThat(invitation.htmlBody()).contains("Very unsatisfied").contains("Very satisfied");
  }

  @Test
  void anyOtherFirstQuestionGetsOnlyTheButtonToTheSurvey() {
    OutboundMail invitation = mail.compose(survey(QuestionType.CES), ANN, TOKEN);
    assertThat(scoreLinks(invitation.textBody() + invitation.htmlBody())).isEmpty();
    assertThat(invitation.htmlBody()).contains("Answer the survey");
  }

  @Test
  void everyInvitationHasItsPlainLinkAndAOneClickUnsubscribeInBodyAndHeaders() {
    OutboundMail invitation = mail.compose(survey(QuestionType.NPS), ANN, TOKEN);
    String link = BASE + "/s/" + TOKEN;
    String unsubscribe = BASE + "/u/" + TOKEN;
    assertThat(invitation.textBody()).contains(link + "\n").contains(unsubscribe);
    assertThat(invitation.htmlBody()).contains(">" + link + "</a>").contains(unsubscribe);
    assertThat(invitation.unsubscribeUrl()).isEqualTo(unsubscribe);
    assertThat(invitation.kind()).isEqualTo("invitation");
  }

  @Test
  void theHtmlIsTableLaidOutWithInlineStylesOnlyAndNoExternalResources() {
    String html = mail.compose(survey(QuestionType.NPS), ANN, TOKEN).htmlBody();
    assertThat(html)
        .contains("<table role=\"presentation\"")
        .doesNotContain("<style")
        .doesNotContain("<link");
    assertThat(html).doesNotContainPattern("<img|src=\"http|url\\(");
    assertThat(html).contains("background:" + InvitationMail.DEFAULT_ACCENT);
  }

  @Test
  void theReminderSaysSoAndKeepsTheSamePersonalLink() {
    OutboundMail reminder = mail.composeReminder(survey(QuestionType.NPS), ANN, TOKEN);
    assertThat(reminder.subject()).isEqualTo("Reminder: How did we do?");
    assertThat(reminder.textBody()).startsWith("A quick reminder").contains(BASE + "/s/" + TOKEN);
    assertThat(reminder.kind()).isEqualTo("reminder");
  }

  @Test
  void onlyAHexColourReachesTheStyles() {
    assertThat(InvitationMail.accent("#AA3300")).isEqualTo("#AA3300");
    assertThat(InvitationMail.accent("red;background:url(x)"))
        .isEqualTo(InvitationMail.DEFAULT_ACCENT);
    assertThat(InvitationMail.accent(null)).isEqualTo(InvitationMail.DEFAULT_ACCENT);
  }
}
