package dev.verbatim.survey.internal.infrastructure;

import dev.verbatim.platform.api.MailTemplates;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.api.PublicUrls;
import dev.verbatim.survey.api.QuestionType;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Question;
import dev.verbatim.survey.internal.domain.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invitation email and its reminder: a short personal note, the customer's own link, a
 * one-click unsubscribe link, and, when the survey starts with an NPS or CSAT question, that
 * question answered right in the email (each score is a link that records it).
 */
@ApplicationScoped
public class InvitationMail {
  public static final String DEFAULT_ACCENT = "#2f5fd0";

  @Inject MailTemplates templates;
  @Inject PublicUrls links;

  public OutboundMail compose(Survey survey, Contact contact, String token) {
    return compose(survey, contact, token, false);
  }

  public OutboundMail composeReminder(Survey survey, Contact contact, String token) {
    return compose(survey, contact, token, true);
  }

  private OutboundMail compose(Survey survey, Contact contact, String token, boolean reminder) {
    Map<String, Object> model = new HashMap<>();
    model.put(
        "name", contact.name() == null || contact.name().isBlank() ? "there" : contact.name());
    model.put("title", survey.title());
    model.put("reminder", reminder);
    model.put(
        "intro",
        survey.intro() == null || survey.intro().isBlank()
            ? "We would love to hear how we are doing. It takes less than a minute."
            : survey.intro());
    model.put("accent", accent(survey.accentColour()));
    model.put("link", links.absolute("/s/" + token));
    String unsubscribe = links.absolute("/u/" + token);
    model.put("unsubscribeLink", unsubscribe);
    answerableQuestion(survey).ifPresent(q -> model.put("question", scale(q, token)));
    OutboundMail mail =
        OutboundMail.of(
                reminder ? "reminder" : "invitation",
                contact.email(),
                contact.name(),
                reminder ? "Reminder: " + survey.title() : survey.title(),
                templates.text("survey/invitation-mail.txt", model),
                templates.html("survey/invitation-mail.html", model))
            .unsubscribableAt(unsubscribe);
    String sender = survey.senderName();
    return sender == null || sender.isBlank() ? mail : mail.sentAs(sender);
  }

  /** Only {@code #rrggbb} reaches the style attributes; anything else gets the default. */
  static String accent(String colour) {
    return colour != null && colour.matches("#[0-9a-fA-F]{6}") ? colour : DEFAULT_ACCENT;
  }

  private static Optional<Question> answerableQuestion(Survey survey) {
    List<Question> questions = survey.questions();
    if (questions.isEmpty()) {
      return Optional.empty();
    }
    Question first = questions.get(0);
    return first.type() == QuestionType.NPS || first.type() == QuestionType.CSAT
        ? Optional.of(first)
        : Optional.empty();
  }

  private Map<String, Object> scale(Question question, String token) {
    QuestionType type = question.type();
    List<Map<String, Object>> scores = new ArrayList<>();
    for (int score = type.min(); score <= type.max(); score++) {
      Map<String, Object> s = new HashMap<>();
      s.put("score", score);
      s.put("link", links.absolute("/s/" + token + "/answer/" + score));
      s.put("label", type == QuestionType.CSAT ? CSAT_LABELS.get(score - 1) : null);
      scores.add(s);
    }
    Map<String, Object> q = new HashMap<>();
    q.put("prompt", question.prompt());
    q.put("scores", scores);
    q.put("nps", type == QuestionType.NPS);
    q.put("lowLabel", type == QuestionType.NPS ? "Not at all likely" : CSAT_LABELS.get(0));
    q.put("highLabel", type == QuestionType.NPS ? "Extremely likely" : CSAT_LABELS.get(4));
    q.put("cellWidth", type == QuestionType.NPS ? "9%" : "20%");
    return q;
  }

  static final List<String> CSAT_LABELS =
      List.of("Very unsatisfied", "Unsatisfied", "Neutral", "Satisfied", "Very satisfied");
}
