package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.platform.api.MailTemplates;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.api.StaffUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells the owner the customer wrote back. The customer's words go in the body only, never in a
 * header.
 */
@ApplicationScoped
public class CustomerAnsweredMail {
  @Inject MailTemplates templates;

  @Inject CaseLinks caseLinks;

  public OutboundMail compose(
      FollowupCase followupCase,
      StaffUser owner,
      String customer,
      String surveyTitle,
      String answer,
      boolean reopened) {
    Map<String, Object> model = new HashMap<>();
    model.put("owner", owner.displayName());
    model.put("customer", customer);
    model.put("survey", surveyTitle);
    model.put("answer", answer);
    model.put("reopened", reopened);
    model.put("link", caseLinks.toCase(followupCase.id()));
    return OutboundMail.of(
        "customer-answered",
        owner.email(),
        owner.displayName(),
        "The customer wrote back: " + surveyTitle,
        templates.text("followup/customer-answered.txt", model),
        templates.html("followup/customer-answered.html", model));
  }
}
