package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.platform.api.MailTemplates;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.ResponseView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** Tells an owner a customer comment is now theirs, with the words and a link to the case. */
@ApplicationScoped
public class OwnerNotificationMail {
  @Inject MailTemplates templates;

  @Inject CaseLinks caseLinks;

  public OutboundMail compose(FollowupCase followupCase, StaffUser owner, ResponseView response) {
    Map<String, Object> model = new HashMap<>();
    model.put("owner", owner.displayName());
    model.put("customer", response.contact().displayName());
    model.put("survey", response.surveyTitle());
    model.put("comment", followupCase.comment());
    model.put("score", followupCase.score() == null ? "no score" : followupCase.score() + " / 10");
    model.put("link", caseLinks.toCase(followupCase.id()));
    return OutboundMail.of(
        "owner-notification",
        owner.email(),
        owner.displayName(),
        "New comment to answer: " + response.surveyTitle(),
        templates.text("followup/owner-notification.txt", model),
        templates.html("followup/owner-notification.html", model));
  }
}
