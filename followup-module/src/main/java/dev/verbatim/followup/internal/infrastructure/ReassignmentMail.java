package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.platform.api.MailTemplates;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** Tells an owner that a colleague handed them a case, why, and where to find it. */
@ApplicationScoped
public class ReassignmentMail {
  @Inject MailTemplates templates;

  @Inject CaseLinks caseLinks;

  public OutboundMail compose(
      FollowupCase followupCase,
      StaffUser newOwner,
      StaffUser by,
      String reason,
      String customer,
      String surveyTitle) {
    Map<String, Object> model = new HashMap<>();
    model.put("owner", newOwner.displayName());
    model.put("by", by.displayName());
    model.put("reason", reason);
    model.put("customer", customer);
    model.put("survey", surveyTitle);
    model.put("comment", followupCase.comment());
    model.put("score", followupCase.score() == null ? "no score" : followupCase.score() + " / 10");
    model.put("link", caseLinks.toCase(followupCase.id()));
    return OutboundMail.of(
        "case-reassigned",
        newOwner.email(),
        newOwner.displayName(),
        "A case was reassigned to you: " + surveyTitle,
        templates.text("followup/case-reassigned.txt", model),
        templates.html("followup/case-reassigned.html", model));
  }
}
