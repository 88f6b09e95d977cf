package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.domain.EscalationRule;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.Waited;
import dev.verbatim.platform.api.MailTemplates;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.ContactView;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells a team lead (level 1) or a program manager (level 2) that a customer is still waiting for
 * an answer: the customer's words, who owns the case, how late it is and a link to it.
 */
@ApplicationScoped
public class EscalationMail {
  public static final String KIND = "escalation";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject MailTemplates templates;
  @Inject SurveyDirectory surveys;

  @Inject CaseLinks caseLinks;

  public OutboundMail compose(
      FollowupCase c, int level, StaffUser recipient, StaffUser owner, long now) {
    String survey = surveys.survey(c.surveyId()).map(SurveySummary::title).orElse("a survey");
    String late = Waited.human(now - c.dueAt());
    Map<String, Object> model = new HashMap<>();
    model.put("recipient", recipient.displayName());
    model.put("secondLevel", level >= EscalationRule.MANAGERS);
    model.put(
        "customer",
        surveys.contact(c.contactId()).map(ContactView::displayName).orElse("A customer"));
    model.put("survey", survey);
    model.put("comment", c.comment());
    model.put("score", c.score() == null ? "no score" : c.score() + " / 10");
    model.put("priority", c.priority().name());
    model.put("owner", owner == null ? "(unknown owner)" : owner.displayName());
    model.put("due", TIME.format(Instant.ofEpochMilli(c.dueAt())));
    model.put("late", late);
    model.put("link", caseLinks.toCase(c.id()));
    return OutboundMail.of(
        KIND,
        recipient.email(),
        recipient.displayName(),
        (level >= EscalationRule.MANAGERS ? "Still unanswered" : "Overdue")
            + " ("
            + late
            + " late): a comment on "
            + survey,
        templates.text("followup/escalation.txt", model),
        templates.html("followup/escalation.html", model));
  }
}
